import {
  createRefreshScheduler,
  type RefreshSchedulerOptions,
  type SchedulableSession,
} from '../session/scheduler.js';
import { browserPageEvents, type PageEventSource } from './page-events.js';

/** Options of `createCognitoAuth({ autoRefresh })`: the refresh timer and what wakes it. */
export interface AutoRefreshOptions extends RefreshSchedulerOptions {
  /**
   * What wakes the timer when it may have slept, and tells it the network is back. Default
   * {@link browserPageEvents}; `false` listens to nothing (the timer alone decides).
   */
  pageEvents?: PageEventSource | false;
}

/** `config.autoRefresh` as options, or null when off. Default: on in a browser page only. */
export function autoRefreshOptions(
  setting: boolean | AutoRefreshOptions | undefined,
): AutoRefreshOptions | null {
  const on = setting ?? typeof document !== 'undefined';
  if (on === false) return null;
  return on === true ? {} : on;
}

/**
 * Keeps a session fresh: core's refresh scheduler, woken by page events. Returns the function
 * that stops both. Timers cannot be trusted in background tabs or across a laptop's sleep, so
 * any wake-up compares the clock with the due time; `online` also forgets the retry backoff.
 */
export function startAutoRefresh(
  session: SchedulableSession,
  options: AutoRefreshOptions,
): () => void {
  const { pageEvents = browserPageEvents, ...schedulerOptions } = options;
  const scheduler = createRefreshScheduler(session, schedulerOptions);
  const stopListening =
    pageEvents === false
      ? () => {}
      : pageEvents((event) => scheduler.check({ resetBackoff: event === 'online' }));
  return () => {
    stopListening();
    scheduler.dispose();
  };
}
