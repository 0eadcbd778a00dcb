import { AwsClient } from 'aws4fetch';
import type { AwsCredentials, AwsCredentialsProvider } from './credentials.js';

/** What {@link signingFetch} signs with and sends through. */
export interface SigningFetchOptions {
  credentials: AwsCredentialsProvider;
  /** The region of the credential scope (aws4fetch cannot guess it for a non-AWS host). */
  region: string;
  /** The fetch that sends the signed request. */
  fetch: typeof fetch;
}

/**
 * A `fetch` that SigV4-signs each request with aws4fetch (service `cognito-idp`) before sending
 * it — handed to core's transport, so retries, timeouts and typed errors stay core's. aws4fetch's
 * own retry loop is not used (`retries: 0`): the transport owns re-sending.
 */
export function signingFetch(options: SigningFetchOptions): typeof fetch {
  // One signer per credentials object: aws4fetch caches derived signing keys inside it.
  const signers = new WeakMap<AwsCredentials, AwsClient>();
  const signerFor = (c: AwsCredentials): AwsClient => {
    let signer = signers.get(c);
    if (!signer) {
      signer = new AwsClient({
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        service: 'cognito-idp',
        region: options.region,
        retries: 0,
      });
      signers.set(c, signer);
    }
    return signer;
  };
  return async (input, init) => {
    const credentials = await options.credentials();
    const url = input instanceof Request ? input.url : String(input);
    // Core's transport hands over a string body; sign that exact text and send it unchanged.
    const body = typeof init?.body === 'string' ? init.body : '';
    const signed = await signerFor(credentials).sign(url, {
      method: init?.method ?? 'POST',
      headers: init?.headers ?? {},
      body,
    });
    return options.fetch(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body,
      ...(init?.signal ? { signal: init.signal } : {}),
    });
  };
}
