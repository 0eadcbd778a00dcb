/**
 * What the page tells the refresh scheduler: `wake` when timers may have slept (the page became
 * visible, regained focus, came back from the bfcache or a freeze), `online` when the network
 * came back (earlier failures were the network's, so the retry backoff is cut short).
 */
export type PageEvent = 'wake' | 'online';

/**
 * A swappable source of {@link PageEvent}s (like TanStack Query's focus and online managers):
 * it starts listening, calls `notify` on each event, and returns the function that stops. Pass
 * your own to `createCognitoAuth({ autoRefresh: { pageEvents } })` where there is no DOM
 * (React Native's `AppState`, an Electron window) or to drive wake-ups in tests.
 *
 * @example
 * const appStateEvents: PageEventSource = (notify) => {
 *   const sub = AppState.addEventListener('change', (s) => s === 'active' && notify('wake'));
 *   return () => sub.remove();
 * };
 */
export type PageEventSource = (notify: (event: PageEvent) => void) => () => void;

/**
 * The browser's page events: `visibilitychange` (to visible), `focus`, `pageshow` and Page
 * Lifecycle `resume` wake the scheduler; `online` reports the network back. Listens to nothing
 * where there is no `window` / `document` (servers, workers).
 */
export const browserPageEvents: PageEventSource = (notify) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const wake = () => notify('wake');
  const online = () => notify('online');
  const visibility = () => {
    if (document.visibilityState !== 'hidden') wake();
  };
  const windowEvents = ['focus', 'pageshow'] as const;
  for (const name of windowEvents) window.addEventListener(name, wake);
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', visibility);
  document.addEventListener('resume', wake); // a frozen tab thaws
  return () => {
    for (const name of windowEvents) window.removeEventListener(name, wake);
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', visibility);
    document.removeEventListener('resume', wake);
  };
};
