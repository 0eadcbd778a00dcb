/** The trimmed text value of field `name` (empty when absent). Passwords are not trimmed. */
export function fieldText(data: FormData, name: string, { trim = true } = {}): string {
  const value = data.get(name);
  const text = typeof value === 'string' ? value : '';
  return trim ? text.trim() : text;
}
