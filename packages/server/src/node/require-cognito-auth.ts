import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authenticate,
  type CognitoAuthContext,
  type CognitoAuthOptions,
} from '../guards/authenticate.js';

/** A Node request after {@link requireCognitoAuth} let it through. */
export type AuthenticatedRequest<Claims> = IncomingMessage & { auth: CognitoAuthContext<Claims> };

/**
 * Express / Connect middleware (also usable around a bare `node:http` handler): verifies the
 * bearer token, puts `{ claims, token }` on `req.auth` and calls `next()`; otherwise answers
 * 400 / 401 / 403 / 503 with an RFC 6750 challenge and a JSON body naming only the error code.
 *
 * @example
 * import { createCognitoJwtVerifier, requireCognitoAuth } from '@cognito-kit/server/node';
 * const verifier = createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' });
 * app.get('/api/orders', requireCognitoAuth({ verifier, rules: { scopes: 'orders/read' } }), (req, res) => {
 *   res.json({ user: req.auth.claims.username });
 * });
 */
export function requireCognitoAuth<Claims>(
  options: CognitoAuthOptions<Claims>,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void> {
  return async (req, res, next) => {
    const outcome = await authenticate(req.headers.authorization, options);
    if (outcome.ok) {
      (req as AuthenticatedRequest<Claims>).auth = { claims: outcome.claims, token: outcome.token };
      next();
      return;
    }
    res.statusCode = outcome.status;
    for (const [name, value] of Object.entries(outcome.headers)) res.setHeader(name, value);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(outcome.body));
  };
}
