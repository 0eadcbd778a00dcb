import { authenticate, type CognitoAuthContext, type CognitoAuthOptions } from './authenticate.js';

/**
 * Guards a fetch-style handler (`(Request) => Response`: Next.js route handlers, Workers, Deno,
 * Bun, Hono's `c.req.raw`): the handler runs only with a verified bearer token and receives its
 * claims; everything else is answered 400 / 401 / 403 / 503 with an RFC 6750 challenge.
 *
 * @example
 * const verifier = createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' });
 * export const GET = withCognitoAuth(
 *   (request, { claims }) => Response.json({ hello: claims.username }),
 *   { verifier, rules: { groups: 'admins' } },
 * );
 */
export function withCognitoAuth<Claims, Rest extends unknown[]>(
  handler: (
    request: Request,
    auth: CognitoAuthContext<Claims>,
    ...rest: Rest
  ) => Response | Promise<Response>,
  options: CognitoAuthOptions<Claims>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const outcome = await authenticate(request.headers.get('authorization'), options);
    if (!outcome.ok) {
      return Response.json(outcome.body, { status: outcome.status, headers: outcome.headers });
    }
    return handler(request, { claims: outcome.claims, token: outcome.token }, ...rest);
  };
}
