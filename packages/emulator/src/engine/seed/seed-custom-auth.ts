/**
 * Validation of a pool's `customAuth` seed (the declarative stand-in for the custom-auth
 * Lambda triggers).
 */
import type { Checker } from './seed-checker.js';

function checkStringMap(c: Checker, value: unknown, path: string): void {
  if (value === undefined) return;
  const map = c.object(value, path);
  for (const [key, v] of Object.entries(map ?? {})) {
    if (typeof v !== 'string') c.problems.push(`${path}.${key}: must be a string`);
    // USERNAME is always the internal username; a parameter could only hide it.
    if (key === 'USERNAME') c.problems.push(`${path}.${key}: is set by the emulator`);
  }
}

/**
 * Checks `customAuth`: `srpFirst`, `maxAttempts` (1–10), string `publicParameters` (not
 * `USERNAME`), and 1–5 challenges that each have either `answer` or `code` (EMAIL / SMS).
 *
 * @example
 * if (pool['customAuth'] !== undefined) checkCustomAuth(c, pool['customAuth'], `${path}.customAuth`);
 */
export function checkCustomAuth(c: Checker, value: unknown, path: string): void {
  const auth = c.object(value, path);
  if (!auth) return;
  c.bool(auth['srpFirst'], `${path}.srpFirst`);
  c.int(auth['maxAttempts'], `${path}.maxAttempts`, 1, 10);
  checkStringMap(c, auth['publicParameters'], `${path}.publicParameters`);
  const challenges = auth['challenges'];
  if (!Array.isArray(challenges) || challenges.length < 1 || challenges.length > 5) {
    c.problems.push(`${path}.challenges: must be an array of 1 to 5 challenges`);
    return;
  }
  challenges.forEach((item, i) => {
    const p = `${path}.challenges[${i}]`;
    const challenge = c.object(item, p);
    if (!challenge) return;
    const hasAnswer = challenge['answer'] !== undefined;
    const hasCode = challenge['code'] !== undefined;
    if (hasAnswer === hasCode) {
      c.problems.push(`${p}: needs either "answer" (a fixed answer) or "code" (EMAIL or SMS)`);
    } else if (hasAnswer) {
      c.string(challenge['answer'], `${p}.answer`, true);
    } else {
      c.oneOf(challenge['code'], ['EMAIL', 'SMS'], `${p}.code`, true);
    }
    checkStringMap(c, challenge['publicParameters'], `${p}.publicParameters`);
  });
}
