import { useState } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import { ActionButton, Button, StatusMessage } from '../../parts/index.js';

/** A passkey as the list shows it; structurally core's `Passkey`. */
export interface PasskeyListItem {
  readonly id: string;
  readonly name: string;
  readonly createdAt?: Date | undefined;
}

/** Props of {@link PasskeyList}. */
export interface PasskeyListProps {
  passkeys: readonly PasskeyListItem[];
  onRemove: (id: string) => unknown;
  className?: string;
}

/**
 * The user's passkeys, each with "Remove", which asks for confirmation first: a removed passkey
 * cannot sign in any more, and the user may have no other one.
 */
export function PasskeyList({ passkeys, onRemove, className }: PasskeyListProps) {
  const m = useMessages();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState(false);
  return (
    <>
      {passkeys.length === 0 ? <p className="ck-description">{m.passkeys.none}</p> : null}
      {passkeys.length > 0 ? (
        <ul className={className ?? 'ck-list'}>
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <span>
                {passkey.name}
                {passkey.createdAt ? (
                  <span className="ck-description"> — {m.passkeys.created(passkey.createdAt)}</span>
                ) : null}
              </span>
              {confirming === passkey.id ? (
                <span role="group" aria-label={`${m.passkeys.remove}: ${passkey.name}`}>
                  <span className="ck-description">{m.passkeys.removeConfirm}</span>{' '}
                  <ActionButton
                    action={async () => {
                      await onRemove(passkey.id);
                      setConfirming(null);
                      setRemoved(true);
                    }}
                  >
                    {m.passkeys.confirmRemove}
                  </ActionButton>{' '}
                  <Button onClick={() => setConfirming(null)}>{m.actions.cancel}</Button>
                </span>
              ) : (
                <Button
                  aria-label={`${m.passkeys.remove}: ${passkey.name}`}
                  onClick={() => {
                    setRemoved(false);
                    setConfirming(passkey.id);
                  }}
                >
                  {m.passkeys.remove}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {removed ? <StatusMessage>{m.passkeys.removed}</StatusMessage> : null}
    </>
  );
}
