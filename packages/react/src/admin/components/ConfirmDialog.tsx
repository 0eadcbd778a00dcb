import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Button } from '../../parts/buttons.js';
import { useAdminMessages } from '../messages/AdminMessagesProvider.js';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question, naming whom the action is about. */
  question: string;
  /** Label of the confirming button (the action's name, e.g. "Delete user"). */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation (`role="alertdialog"`): focus moves to Cancel — the safe choice — when it
 * opens, Tab stays inside it, Escape cancels, and focus returns to whatever had it before.
 */
export function ConfirmDialog({ question, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const m = useAdminMessages();
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => previous?.focus?.();
  }, []);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const buttons = [...panel.current.querySelectorAll<HTMLElement>('button')];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }
  return (
    <div className="ck-admin-backdrop">
      <div
        ref={panel}
        className="ck-admin-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-q`}
        onKeyDown={onKeyDown}
      >
        <p id={`${id}-q`}>{question}</p>
        <div className="ck-admin-buttons">
          <Button ref={cancel} onClick={onCancel}>
            {m.confirm.cancel}
          </Button>
          <button type="button" className="ck-button ck-danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
