import { invalidInput } from '../errors/index.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer: `EEE MMM d HH:mm:ss UTC yyyy` in UTC, English
 * names, day of month without a leading zero. Built from `getUTC*` fields because
 * `toUTCString()` and `Intl` produce other layouts, and Cognito rejects any deviation as a
 * wrong password.
 *
 * @example
 * formatCognitoTimestamp(new Date(1_700_000_000_000)); // 'Tue Nov 14 22:13:20 UTC 2023'
 */
export function formatCognitoTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw invalidInput('TIMESTAMP needs a valid date');
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw invalidInput('TIMESTAMP needs a four-digit year');
  return (
    `${WEEKDAYS[date.getUTCDay()]!} ${MONTHS[date.getUTCMonth()]!} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ` +
    `UTC ${year}`
  );
}
