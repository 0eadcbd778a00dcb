/**
 * The problem collector of seed validation: typed checks of an untrusted value that record
 * `path: what is wrong` lines instead of throwing, so every problem is reported at once.
 */
/** Collects problems while walking an untrusted value. */
export class Checker {
  readonly problems: string[] = [];

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.problems.push(`${path}: must be an object`);
    return undefined;
  }

  array(value: unknown, path: string): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.problems.push(`${path}: must be an array`);
    return [];
  }

  string(value: unknown, path: string, required: boolean, pattern?: RegExp, hint?: string): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.length === 0) {
      this.problems.push(`${path}: must be a non-empty string`);
    } else if (pattern && !pattern.test(value)) {
      this.problems.push(`${path}: ${hint ?? `must match ${pattern}`}`);
    }
  }

  int(value: unknown, path: string, min: number, max: number): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${path}: must be an integer from ${min} to ${max}`);
    }
  }

  bool(value: unknown, path: string): void {
    if (value !== undefined && typeof value !== 'boolean') {
      this.problems.push(`${path}: must be true or false`);
    }
  }

  oneOf(value: unknown, allowed: readonly string[], path: string, required = false): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.problems.push(`${path}: must be one of ${allowed.join(', ')}`);
    }
  }

  listOf(value: unknown, allowed: readonly string[], path: string): void {
    this.array(value, path).forEach((item, i) => this.oneOf(item, allowed, `${path}[${i}]`, true));
  }

  unique(values: unknown[], path: string, what: string): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (typeof v !== 'string') return;
      if (seen.has(v)) this.problems.push(`${path}[${i}]: duplicate ${what} "${v}"`);
      seen.add(v);
    });
  }
}
