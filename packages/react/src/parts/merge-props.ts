import { useCallback, type CSSProperties, type Ref, type RefCallback } from 'react';

/** Joins space-separated token lists (class names, id references), dropping empty and repeated ones. */
export function joinTokens(...lists: ReadonlyArray<string | false | null | undefined>): string {
  const tokens = lists.flatMap((list) => (list ? list.split(/\s+/) : [])).filter(Boolean);
  return [...new Set(tokens)].join(' ');
}

/** Attributes whose values are token lists: the caller's tokens are added, never replace ours. */
const TOKEN_LISTS = ['className', 'aria-describedby', 'aria-labelledby'] as const;

/**
 * The props a part renders: what it computed (ARIA wiring, state attributes, defaults), then the
 * caller's props on top, so the caller has the last word on everything. Token lists
 * (`className`, `aria-describedby`, `aria-labelledby`) are joined instead of replaced, so a
 * caller's own description does not cut the field's error out of what screen readers read, and
 * `style` objects merge.
 *
 * @example
 * mergeProps({ 'aria-describedby': 'err', type: 'text' }, { 'aria-describedby': 'hint', type: 'email' });
 * // { 'aria-describedby': 'err hint', type: 'email' }
 */
export function mergeProps<const C extends object, P extends object>(
  computed: C,
  caller: P,
): Omit<C, keyof P> & P {
  const ours = computed as Readonly<Record<string, unknown>>;
  const theirs = caller as Readonly<Record<string, unknown>>;
  const merged: Record<string, unknown> = { ...ours };
  for (const [key, value] of Object.entries(theirs)) {
    // An explicit `undefined` (a prop passed through unset) does not erase what we computed.
    if (value === undefined && key in ours) continue;
    merged[key] = value;
  }
  for (const key of TOKEN_LISTS) {
    const joined = joinTokens(ours[key] as string | undefined, theirs[key] as string | undefined);
    if (joined) merged[key] = joined;
    else delete merged[key];
  }
  if (ours['style'] && theirs['style']) {
    merged['style'] = {
      ...(ours['style'] as CSSProperties),
      ...(theirs['style'] as CSSProperties),
    };
  }
  return merged as Omit<C, keyof P> & P;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * One callback ref that feeds both the part's own ref and the caller's (a part that needs its
 * element, such as `Form` for focus, still hands it to a caller's `ref`).
 */
export function useMergedRef<T>(
  own: Ref<T> | undefined,
  caller: Ref<T> | undefined,
): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      assignRef(own, node);
      assignRef(caller, node);
    },
    [own, caller],
  );
}
