import { invalidInput } from '../errors/index.js';

/**
 * Where a {@link CognitoClient} sends its requests: a region, a user pool id (whose prefix
 * before `_` is the region), or an explicit endpoint URL (the emulator, a proxy).
 */
export type CognitoTarget = { region: string } | { userPoolId: string } | { endpoint: string };

// Region names are lowercase words and digits joined by dashes (`eu-west-2`, `us-gov-west-1`).
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/**
 * The region of a user pool id: the part before `_` (`eu-west-2_Zx9Yw8` → `eu-west-2`).
 *
 * @throws CognitoError `InvalidInput` when the id has no region prefix.
 */
export function regionFromUserPoolId(userPoolId: string): string {
  const separator = userPoolId.indexOf('_');
  const region = separator > 0 ? userPoolId.slice(0, separator) : '';
  if (!REGION.test(region)) {
    throw invalidInput('The user pool id must look like "<region>_<id>", e.g. "eu-west-2_Zx9Yw8".');
  }
  return region;
}

/**
 * The URL every action is POSTed to: `https://cognito-idp.<region>.amazonaws.com/`, or the
 * explicit endpoint (kept as given, with a trailing `/` added when the path is empty).
 *
 * @example
 * resolveEndpoint({ userPoolId: 'eu-west-2_Zx9Yw8' }); // 'https://cognito-idp.eu-west-2.amazonaws.com/'
 */
export function resolveEndpoint(target: CognitoTarget): string {
  if ('endpoint' in target) {
    let url: URL;
    try {
      url = new URL(target.endpoint);
    } catch {
      throw invalidInput('The endpoint must be an absolute http(s) URL.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw invalidInput('The endpoint must be an absolute http(s) URL.');
    }
    return url.href;
  }
  const region = 'region' in target ? target.region : regionFromUserPoolId(target.userPoolId);
  if (!REGION.test(region)) throw invalidInput('The region must look like "eu-west-2".');
  return `https://cognito-idp.${region}.amazonaws.com/`;
}
