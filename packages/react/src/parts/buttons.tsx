import { useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import { cx } from './cx.js';
import { useFormContext } from './form-context.js';
import { useMessages } from '../messages/MessagesProvider.js';

/**
 * The form's submit button. While the submit is pending it stays focusable but inert
 * (`aria-disabled`, so keyboard users do not lose their place) and says so.
 */
export function SubmitButton({ className, children, ...rest }: ComponentPropsWithoutRef<'button'>) {
  const { state } = useFormContext();
  const messages = useMessages();
  const pending = state === 'pending';
  return (
    <button
      {...rest}
      type="submit"
      aria-disabled={pending || undefined}
      data-state={pending ? 'pending' : 'idle'}
      className={cx('ck-button', className)}
    >
      {pending ? messages.actions.pending : children}
    </button>
  );
}

/** A button that looks like a link, for in-flow navigation ("Forgot your password?"). */
export function LinkButton({ className, ...rest }: ComponentPropsWithoutRef<'button'>) {
  return <button type="button" {...rest} className={cx('ck-link', className)} />;
}

/** A secondary action button (not a submit). */
export function Button({ className, ...rest }: ComponentPropsWithoutRef<'button'>) {
  return <button type="button" {...rest} className={cx('ck-button ck-secondary', className)} />;
}

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'onClick'> {
  /** The text to put on the clipboard. */
  value: string;
}

/**
 * A real `<button>` that copies `value` to the clipboard and says "Copied" (announced politely).
 * `data-state` is `idle`, `copied` or `failed` (no clipboard permission; the text stays selectable).
 */
export function CopyButton({ value, className, children, ...rest }: CopyButtonProps) {
  const messages = useMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button
        type="button"
        {...rest}
        onClick={() => void copy()}
        data-state={state}
        className={cx('ck-button ck-secondary', className)}
      >
        {children ?? messages.actions.copy}
      </button>
      <span role="status" className="ck-copy-status">
        {state === 'copied' ? messages.actions.copied : ''}
      </span>
    </>
  );
}
