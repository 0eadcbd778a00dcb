/**
 * `createAdminHandler`: the admin API of one user pool as a fetch-standard handler for signed-in
 * support staff. Per request, in this order:
 * 1. `POST` only (405);
 * 2. the bearer access token is verified (the guards' RFC 6750 answers: 400 / 401 / 503);
 * 3. the action comes from the path after `basePath` (400 `unknown_action`);
 * 4. the body is read — at most `maxBodyBytes` (400 `body_too_large`) — as a JSON object
 *    (400 `malformed_body`) and validated with the admin API's guards (400 `invalid_input`);
 * 5. `authorize({ claims, action, target })` decides (403 `forbidden`, nothing else said);
 * 6. self-protection (409 `self_protection`);
 * 7. the action runs; Cognito's refusals become typed codes;
 * 8. for every change past step 4, `audit(event)` is awaited before the answer is sent.
 * Nothing a client sends produces a 500; unexpected failures are `upstream_error` (502) and go
 * to `onError`.
 */
import type {
  AccessTokenClaims,
  AdminAction,
  AdminErrorCode,
  IdTokenClaims,
} from '@cognito-kit/core';
import type { CognitoAdmin } from '../admin/create-admin.js';
import { authenticate } from '../guards/authenticate.js';
import type { CognitoJwtVerifier } from '../verify/verifier.js';
import { ACTIONS, isAdminAction, type AdminTarget } from './actions.js';
import { readJsonObject } from './body.js';
import { refuse, refusalOf, refusalResponse, AdminRefusal } from './refusal.js';
import { locksCallerOut } from './self-protection.js';

/** What `authorize` decides on. */
export interface AdminAuthorizeInput {
  /** The caller's verified access-token claims (`username`, `sub`, `cognito:groups`, `scope`…). */
  readonly claims: AccessTokenClaims;
  readonly action: AdminAction;
  readonly target: AdminTarget;
}

/** How a change ended. */
export type AdminAuditOutcome =
  /** Done. */
  | { readonly result: 'ok' }
  /** `authorize` said no. */
  | { readonly result: 'denied' }
  /** Refused by self-protection. */
  | { readonly result: 'refused'; readonly error: 'self_protection' }
  /** Cognito refused or failed. */
  | { readonly result: 'failed'; readonly error: AdminErrorCode };

/** One change attempt: who, what, on whom, result. */
export type AdminAuditEvent = {
  readonly at: Date;
  readonly actor: { readonly username: string; readonly sub: string };
  readonly action: AdminAction;
  readonly target: AdminTarget;
} & AdminAuditOutcome;

/** Options of {@link createAdminHandler}. */
export interface AdminHandlerOptions {
  /** Made by `createCognitoAdmin`; holds the AWS credentials. */
  admin: CognitoAdmin;
  /** Made by `createCognitoJwtVerifier` for the app client the browser signs in with. */
  verifier:
    CognitoJwtVerifier<AccessTokenClaims> | CognitoJwtVerifier<AccessTokenClaims | IdTokenClaims>;
  /**
   * Decides every request after validation. Default: the access token's `cognito:groups`
   * contains `adminGroup`. Return `false` to answer 403.
   */
  authorize?: (input: AdminAuthorizeInput) => boolean | Promise<boolean>;
  /** The group whose members the default `authorize` admits, and which self-protection guards. Default `admins`. */
  adminGroup?: string;
  /** The path the handler is mounted at, e.g. `/api/admin` (the action is the next segment). Default none. */
  basePath?: string;
  /** Gets every change attempt; awaited before the answer (throwing → 500 `audit_failed`). */
  audit?: (event: AdminAuditEvent) => void | Promise<void>;
  /** Largest accepted body. Default 16384 bytes. */
  maxBodyBytes?: number;
  /** Sees token refusals and unexpected failures, for the server's logs. */
  onError?: (error: unknown) => void;
}

export type AdminHandler = (request: Request) => Promise<Response>;

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** The action named by the path, or undefined when the path is not under `basePath`. */
function actionName(request: Request, basePath: string): string | undefined {
  const path = trimSlashes(new URL(request.url).pathname);
  if (basePath === '') return path;
  if (path === basePath) return '';
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length + 1) : undefined;
}

/**
 * @example
 * const handler = createAdminHandler({
 *   admin: createCognitoAdmin({ userPoolId }),
 *   verifier: createCognitoJwtVerifier({ userPoolId, clientId, tokenUse: 'access' }),
 *   basePath: '/api/admin',
 *   audit: (event) => auditLog.write(event),
 * });
 * export const POST = handler; // Next.js app/api/admin/[action]/route.ts
 */
export function createAdminHandler(options: AdminHandlerOptions): AdminHandler {
  const adminGroup = options.adminGroup ?? 'admins';
  const basePath = trimSlashes(options.basePath ?? '');
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const authorize =
    options.authorize ??
    (({ claims }: AdminAuthorizeInput) => (claims['cognito:groups'] ?? []).includes(adminGroup));
  const verifier = options.verifier as CognitoJwtVerifier<AccessTokenClaims>;

  async function serve(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      throw new AdminRefusal(405, 'method_not_allowed', undefined, { allow: 'POST' });
    }
    const auth = await authenticate(request.headers.get('authorization'), {
      verifier,
      rules: { tokenUse: 'access' },
      ...(options.onError && { onRejected: options.onError }),
    });
    if (!auth.ok) {
      return Response.json(auth.body, {
        status: auth.status,
        headers: { 'cache-control': 'no-store', ...auth.headers },
      });
    }
    const name = actionName(request, basePath);
    if (name === undefined || !isAdminAction(name)) throw refuse(400, 'unknown_action');
    const spec = ACTIONS[name];
    const body = await readJsonObject(request, maxBodyBytes);
    const input = spec.parse(body);
    const target = spec.target(input);
    const { claims } = auth;

    const audited = async (outcome: AdminAuditOutcome) => {
      if (!spec.change || !options.audit) return;
      const event = {
        at: new Date(),
        actor: { username: claims.username, sub: claims.sub },
        action: name,
        target,
        ...outcome,
      };
      try {
        await options.audit(event);
      } catch (error) {
        options.onError?.(error);
        throw refuse(500, 'audit_failed');
      }
    };

    if (!(await authorize({ claims, action: name, target }))) {
      await audited({ result: 'denied' });
      throw refuse(403, 'forbidden');
    }
    let answer: unknown;
    try {
      if (
        spec.selfRisk &&
        (await locksCallerOut(spec.selfRisk, target, { admin: options.admin, claims, adminGroup }))
      ) {
        throw refuse(409, 'self_protection');
      }
      answer = await spec.run(options.admin, input);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!(error instanceof AdminRefusal) && refusal.code === 'upstream_error') {
        options.onError?.(error);
      }
      await audited(
        refusal.code === 'self_protection'
          ? { result: 'refused', error: 'self_protection' }
          : { result: 'failed', error: refusal.code },
      );
      throw refusal;
    }
    await audited({ result: 'ok' });
    return Response.json(answer, { headers: { 'cache-control': 'no-store' } });
  }

  return async (request) => {
    try {
      return await serve(request);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!(error instanceof AdminRefusal) && refusal.code === 'upstream_error') {
        options.onError?.(error);
      }
      return refusalResponse(refusal);
    }
  };
}
