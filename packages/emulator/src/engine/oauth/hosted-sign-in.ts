/**
 * The hosted sign-in page: `GET /login` shows the form (and a button per identity provider the
 * client supports), `POST /login` checks the password through the engine's own sign-in
 * (lockout, user status and MFA rules included), `POST /login/challenge` answers the step the
 * engine asks for next (TOTP, SMS or e-mail code, new password). A form post must carry the
 * CSRF token of its cookie.
 */
import { nowSeconds, type EngineContext } from '../context.js';
import { decodeJwt } from 'jose';
import { respondToChallenge } from '../auth/challenges.js';
import type { AuthStepOutput } from '../auth/flow.js';
import { passwordAuth } from '../auth/password.js';
import { computeSecretHash } from '../auth/secret-hash.js';
import { isServiceError } from '../protocol/errors.js';
import type { ClientState, IdentityProviderState, PoolState } from '../model/state.js';
import { getUser } from '../model/users.js';
import { readAuthorizeRequest, type AuthorizeRequest } from './authorize-request.js';
import { completeAuthorization } from './complete.js';
import { answerRefusal } from './refusal.js';
import { base64Url, cookieHeader, cookies, html, readForm } from './http.js';
import {
  challengePage,
  errorPage,
  signInPage,
  type HostedChallenge,
  type ProviderButton,
} from './hosted-page.js';

const CSRF_COOKIE = 'cognito-kit-csrf';
const HOSTED_CHALLENGES: readonly string[] = [
  'SOFTWARE_TOKEN_MFA',
  'SMS_MFA',
  'EMAIL_OTP',
  'NEW_PASSWORD_REQUIRED',
];
/** The ChallengeResponses member that carries the hosted page's answer. */
const ANSWER_MEMBER: Record<HostedChallenge, string> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  NEW_PASSWORD_REQUIRED: 'NEW_PASSWORD',
};

/** Button text of a provider: `Continue with <name>` (Apple's own wording for its type). */
function buttonOf(provider: IdentityProviderState): ProviderButton {
  const label =
    provider.providerType === 'SignInWithApple'
      ? 'Sign in with Apple'
      : `Continue with ${provider.providerName}`;
  return { name: provider.providerName, label };
}

function providerButtons(request: AuthorizeRequest): ProviderButton[] {
  return request.settings.identityProviders
    .filter((name) => name !== 'COGNITO')
    .flatMap((name) => {
      const provider = request.pool.identityProviders?.[name];
      return provider && Object.hasOwn(request.pool.identityProviders ?? {}, name)
        ? [buttonOf(provider)]
        : [];
    });
}

/** The CSRF token of the request's cookie, or a new one to set. */
function csrfToken(
  ctx: EngineContext,
  request: Request,
  headers: Headers,
  secure: boolean,
): string {
  const existing = cookies(request).get(CSRF_COOKIE);
  if (existing !== undefined && /^[\w-]{20,}$/.test(existing)) return existing;
  const token = base64Url(ctx.random(24));
  headers.append('Set-Cookie', cookieHeader(CSRF_COOKIE, token, 3600, secure));
  return token;
}

function sameCsrf(request: Request, form: URLSearchParams): boolean {
  const cookie = cookies(request).get(CSRF_COOKIE);
  return cookie !== undefined && cookie.length > 0 && form.get('_csrf') === cookie;
}

/**
 * The message the form shows for a refused step: the engine's own text (Cognito's wording),
 * except that an unknown user reads like a wrong password, so the page never tells who exists.
 */
function messageOf(error: unknown): string {
  if (!isServiceError(error)) throw error;
  if (error.type === 'UserNotFoundException') return 'Incorrect username or password.';
  if (error.type === 'CodeMismatchException')
    return 'The code is not right. Check it and try again.';
  return error.message;
}

async function secretHash(client: ClientState, username: string): Promise<Record<string, string>> {
  if (client.clientSecret === undefined) return {};
  return { SECRET_HASH: await computeSecretHash(client.clientId, client.clientSecret, username) };
}

/**
 * The user signed in by an engine answer that ended with tokens. The API tokens are dropped
 * (their refresh token is deleted): the client gets its own from `/oauth2/token`.
 */
function signedInUser(pool: PoolState, output: AuthStepOutput) {
  const result = output.AuthenticationResult;
  if (!result) return undefined;
  const handle = result.RefreshToken?.split('.')[2];
  if (handle !== undefined) delete pool.refreshTokens[handle];
  const username = decodeJwt(result.AccessToken)['username'];
  return typeof username === 'string' ? getUser(pool, username) : undefined;
}

/** Renders the next step of an engine answer: the code (signed in) or a challenge page. */
async function nextStep(
  ctx: EngineContext,
  auth: AuthorizeRequest,
  output: AuthStepOutput,
  page: { csrf: string; username: string; origin: string },
  headers: Headers,
): Promise<Response> {
  const user = signedInUser(auth.pool, output);
  if (user) {
    return completeAuthorization(
      ctx,
      auth,
      { user, authTime: nowSeconds(ctx), newSession: true },
      page.origin,
      headers,
    );
  }
  const challenge = output.ChallengeName;
  if (
    challenge === undefined ||
    !HOSTED_CHALLENGES.includes(challenge) ||
    output.Session === undefined
  ) {
    return html(
      400,
      errorPage(
        'unsupported_challenge',
        `The hosted page cannot ask for ${challenge ?? 'this step'}; sign in through the API instead.`,
      ),
      headers,
    );
  }
  const destination = output.ChallengeParameters?.['CODE_DELIVERY_DESTINATION'];
  return html(
    200,
    challengePage({
      appName: auth.client.clientName,
      challenge: challenge as HostedChallenge,
      query: auth.query,
      csrf: page.csrf,
      session: output.Session,
      username: output.ChallengeParameters?.['USER_ID_FOR_SRP'] ?? page.username,
      ...(destination !== undefined && { destination }),
    }),
    headers,
  );
}

/** `GET /login`: the sign-in form for an authorization request. */
export function loginPageRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Response {
  const decision = readAuthorizeRequest(ctx, url.searchParams);
  if (decision.kind !== 'ok') return answerRefusal(decision, headers);
  const auth = decision.request;
  const csrf = csrfToken(ctx, request, headers, url.protocol === 'https:');
  return html(
    200,
    signInPage({
      appName: auth.client.clientName,
      query: auth.query,
      csrf,
      passwordForm: auth.settings.identityProviders.includes('COGNITO'),
      providers: providerButtons(auth),
      ...(auth.loginHint !== undefined && { username: auth.loginHint }),
    }),
    headers,
  );
}

/** A posted hosted-page form with the valid authorization request it carries. */
interface PostedSignIn {
  form: URLSearchParams;
  auth: AuthorizeRequest;
  csrf: string;
}

/**
 * Reads a posted hosted-page form: the authorization request it carries is checked again (the
 * form is the client's input, not ours), and the CSRF token is issued or kept for the answer
 * page. A refused request is answered at once, as `GET /login` would.
 */
async function postedSignIn(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<PostedSignIn | Response> {
  const form = await readForm(request);
  const decision = readAuthorizeRequest(ctx, new URLSearchParams(form.get('query') ?? ''));
  if (decision.kind !== 'ok') return answerRefusal(decision, headers);
  const csrf = csrfToken(ctx, request, headers, url.protocol === 'https:');
  return { form, auth: decision.request, csrf };
}

/** `POST /login`: username and password. */
export async function loginPostRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<Response> {
  const posted = await postedSignIn(ctx, request, url, headers);
  if (posted instanceof Response) return posted;
  const { form, auth, csrf } = posted;
  const username = (form.get('username') ?? '').trim();
  const again = (error: string, status = 400) =>
    html(
      status,
      signInPage({
        appName: auth.client.clientName,
        query: auth.query,
        csrf,
        passwordForm: true,
        providers: providerButtons(auth),
        username,
        error,
      }),
      headers,
    );
  if (!sameCsrf(request, form)) return again('Your sign-in form expired. Please try again.', 403);
  if (!auth.settings.identityProviders.includes('COGNITO'))
    return html(
      400,
      errorPage('invalid_request', 'This app does not allow sign-in with a user-pool account.'),
      headers,
    );
  const password = form.get('password') ?? '';
  if (username === '' || password === '') return again('Enter your username and password.');
  let output: AuthStepOutput;
  try {
    output = await passwordAuth(ctx, {
      pool: auth.pool,
      client: auth.client,
      authFlow: 'USER_PASSWORD_AUTH',
      params: {
        USERNAME: username,
        PASSWORD: password,
        ...(await secretHash(auth.client, username)),
      },
      origin: url.origin,
      // No device tracking on the hosted page (the browser is no SRP device).
      admin: true,
    });
  } catch (error) {
    return again(messageOf(error));
  }
  return nextStep(ctx, auth, output, { csrf, username, origin: url.origin }, headers);
}

/** `POST /login/challenge`: the answer to a TOTP, code or new-password step. */
export async function challengePostRoute(
  ctx: EngineContext,
  request: Request,
  url: URL,
  headers: Headers,
): Promise<Response> {
  const posted = await postedSignIn(ctx, request, url, headers);
  if (posted instanceof Response) return posted;
  const { form, auth, csrf } = posted;
  const challenge = form.get('challenge') ?? '';
  const session = form.get('session') ?? '';
  const username = form.get('username') ?? '';
  if (!HOSTED_CHALLENGES.includes(challenge) || session === '' || username === '')
    return html(400, errorPage('invalid_request', 'The form is incomplete.'), headers);
  const step = challenge as HostedChallenge;
  const retry = (error: string, status = 400) =>
    html(
      status,
      challengePage({
        appName: auth.client.clientName,
        challenge: step,
        query: auth.query,
        csrf,
        session,
        username,
        error,
      }),
      headers,
    );
  if (!sameCsrf(request, form)) return retry('Your sign-in form expired. Please try again.', 403);
  let output: AuthStepOutput;
  try {
    output = await respondToChallenge(ctx, {
      client: auth.client,
      challengeName: step,
      responses: {
        USERNAME: username,
        [ANSWER_MEMBER[step]]: (form.get('answer') ?? '').trim(),
        ...(await secretHash(auth.client, username)),
      },
      session,
      origin: url.origin,
    });
  } catch (error) {
    if (isServiceError(error, 'NotAuthorizedException') && error.message.includes('session'))
      return html(
        400,
        errorPage('invalid_request', 'This sign-in has expired. Start again from the app.'),
        headers,
      );
    return retry(messageOf(error));
  }
  return nextStep(ctx, auth, output, { csrf, username, origin: url.origin }, headers);
}
