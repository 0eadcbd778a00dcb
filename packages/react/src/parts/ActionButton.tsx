import { useState, type ComponentPropsWithRef, type ReactNode } from 'react';
import { mergeProps } from './merge-props.js';
import { errorText } from '../messages/error-keys.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link ActionButton}. */
export interface ActionButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'onClick'> {
  /** The work to do; a rejection is shown next to the button through its error code. */
  action: () => unknown;
  /** Announced politely after the action succeeded. */
  successText?: ReactNode;
  /** Look like a link rather than a button. */
  variant?: 'button' | 'link';
}

/**
 * A button for an action outside a form ("Send a new code", "Forget"): pending while it runs,
 * with its outcome in live regions. `data-state`: `idle`, `pending`, `success` or `error`.
 */
export function ActionButton({
  action,
  successText,
  variant = 'button',
  children,
  ...rest
}: ActionButtonProps) {
  const m = useMessages();
  const [state, setState] = useState<'idle' | 'pending' | 'success' | 'error'>('idle');
  const [error, setError] = useState<unknown>(null);
  async function run() {
    if (state === 'pending') return;
    setState('pending');
    try {
      await action();
      setState('success');
    } catch (e) {
      setError(e);
      setState('error');
    }
  }
  return (
    <span className="ck-action" data-state={state}>
      <button
        {...mergeProps(
          {
            type: 'button',
            className: variant === 'link' ? 'ck-link' : 'ck-button ck-secondary',
            'aria-disabled': state === 'pending' || undefined,
          },
          rest,
        )}
        onClick={() => void run()}
      >
        {children}
      </button>
      <span role="status" className="ck-status">
        {state === 'success' ? successText : null}
      </span>
      <span
        role="alert"
        className="ck-form-error"
        data-state={state === 'error' ? 'visible' : 'hidden'}
      >
        {state === 'error' ? errorText(m, error) : null}
      </span>
    </span>
  );
}
