import { useEffect, useState, type ComponentPropsWithRef } from 'react';
import { useFormContext } from './form-context.js';
import { mergeProps } from './merge-props.js';
import { useMessages } from '../messages/MessagesProvider.js';

/**
 * The form's submit button. While the submit is pending it stays focusable but inert
 * (`aria-disabled`, so keyboard users do not lose their place) and says so.
 */
export function SubmitButton({ children, ...rest }: Omit<ComponentPropsWithRef<'button'>, 'type'>) {
  const { state } = useFormContext();
  const messages = useMessages();
  const pending = state === 'pending';
  return (
    <button
      {...mergeProps(
        {
          className: 'ck-button',
          'aria-disabled': pending || undefined,
          'data-state': pending ? 'pending' : 'idle',
        },
        rest,
      )}
      type="submit"
    >
      {pending ? messages.actions.pending : children}
    </button>
  );
}

/** A button that looks like a link, for in-flow navigation ("Forgot your password?"). */
export function LinkButton(props: ComponentPropsWithRef<'button'>) {
  return <button {...mergeProps({ type: 'button', className: 'ck-link' }, props)} />;
}

/** A secondary action button (not a submit). */
export function Button(props: ComponentPropsWithRef<'button'>) {
  return <button {...mergeProps({ type: 'button', className: 'ck-button ck-secondary' }, props)} />;
}

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'onClick'> {
  /** The text to put on the clipboard. */
  value: string;
}

/**
 * A real `<button>` that copies `value` to the clipboard and says "Copied" (announced politely).
 * `data-state` is `idle`, `copied` or `failed` (no clipboard permission; the text stays selectable).
 */
export function CopyButton({ value, children, ...rest }: CopyButtonProps) {
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
        {...mergeProps(
          { type: 'button', className: 'ck-button ck-secondary', 'data-state': state },
          rest,
        )}
        onClick={() => void copy()}
      >
        {children ?? messages.actions.copy}
      </button>
      <span role="status" className="ck-copy-status">
        {state === 'copied' ? messages.actions.copied : ''}
      </span>
    </>
  );
}
