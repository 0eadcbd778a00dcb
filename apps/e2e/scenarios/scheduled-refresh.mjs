import { seed, user } from '../lib/env.mjs';
import { check, expectSignedIn, navigate, submitSignIn } from '../lib/steps.mjs';

/** Access/ID tokens live this long (the emulator allows seconds; Cognito's minimum is 5 min). */
export const LIFETIME_S = 6;
/** The demo refreshes this long before expiry. */
export const MARGIN_MS = 2_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seed and demo settings of the short-lived-token scenarios. */
export function shortLived(username) {
  return {
    seed: seed({
      users: [user(username)],
      tokenValidity: { accessToken: LIFETIME_S, idToken: LIFETIME_S, refreshToken: 3600 },
    }),
    demoConfig: { refreshMargin: MARGIN_MS },
  };
}

/** Clicks "Call the API" and returns the answer shown. */
export async function callApi(page) {
  const result = page.getByTestId('api-result');
  await page.getByRole('button', { name: 'Call the API' }).click();
  await result
    .getByText(/^(Hello, |The API refused)/)
    .first()
    .waitFor();
  return result.innerText();
}

/**
 * 8. Tokens of a few seconds: the provider refreshes on schedule, exactly one refresh request per
 * expiry with two tabs open, and the protected API keeps answering.
 */
export const scheduledRefresh = {
  name: 'scheduled-refresh',
  ...shortLived('kim'),
  async run(env) {
    const first = await env.open();
    await submitSignIn(first, 'kim');
    await expectSignedIn(first);
    const second = await env.open('/#/api');
    await expectSignedIn(second);
    await navigate(first, 'Protected API');
    const from = env.requests.length;
    const started = Date.now();

    // Three token lifetimes with both tabs open.
    const windowMs = 3 * LIFETIME_S * 1000;
    await sleep(windowMs);
    const refreshes = env.refreshesSince(from);
    const gaps = refreshes.slice(1).map((at, i) => at - refreshes[i]);
    // Each access token is refreshed once, a margin (plus jitter of at most a quarter of its
    // life) before it expires: consecutive refreshes are at least a second apart (two tabs
    // refreshing the same token would be milliseconds apart) and never a whole lifetime apart
    // (no token expires unrefreshed).
    check(
      refreshes.length >= windowMs / (LIFETIME_S * 1000),
      `${refreshes.length} refreshes in ${windowMs} ms; gaps ${gaps.join(', ')} ms`,
    );
    check(
      gaps.every((gap) => gap >= 1000 && gap < LIFETIME_S * 1000),
      `refreshes off schedule (duplicates or late): gaps ${gaps.join(', ')} ms`,
    );
    check(
      refreshes[0] - started < LIFETIME_S * 1000,
      'the first refresh came after the first token had expired',
    );
    for (const page of [first, second]) {
      const answer = await callApi(page);
      check(answer.includes('Hello, kim'), `the API stopped answering: ${answer}`);
    }
    await env.screen(second, 'protected-api-after-refreshes');
  },
};
