import { check, expectSignedIn, navigate, submitSignIn } from '../lib/steps.mjs';
import { LIFETIME_S, callApi, shortLived } from './scheduled-refresh.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 10. The network drops while a refresh is due: the user stays signed in, and the refresh goes
 * through once the network is back.
 */
export const offlineRefresh = {
  name: 'offline-refresh',
  ...shortLived('otto'),
  async run(env) {
    const page = await env.open();
    await submitSignIn(page, 'otto');
    await expectSignedIn(page);
    await navigate(page, 'Protected API');
    await page.getByTestId('api-result').getByText('Hello, otto').first().waitFor();

    await env.context.setOffline(true);
    const offlineFrom = env.requests.length;
    // Past the refresh due time and past the access token's expiry.
    await sleep(LIFETIME_S * 1000 + 1_000);
    check(env.refreshesSince(offlineFrom).length === 0, 'a refresh reached Cognito while offline');
    await expectSignedIn(page);
    await env.screen(page, 'offline-still-signed-in');

    const back = env.requests.length;
    await env.context.setOffline(false);
    for (let i = 0; i < 50 && env.refreshesSince(back).length === 0; i++) await sleep(200);
    check(env.refreshesSince(back).length >= 1, 'no refresh after the network came back');
    await expectSignedIn(page);
    const answer = await callApi(page);
    check(answer.includes('Hello, otto'), `the API refused after reconnecting: ${answer}`);
  },
};
