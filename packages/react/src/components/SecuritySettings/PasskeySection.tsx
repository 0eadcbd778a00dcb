import { usePasskeys } from '../../hooks/usePasskeys.js';
import { useMessages } from '../../messages/MessagesProvider.js';
import { ActionButton } from '../../parts/index.js';
import { PasskeyList } from './PasskeyList.js';

/**
 * The passkeys part of the security page: what passkeys are for, the list (remove with
 * confirmation), and "Add a passkey" where the browser supports passkeys. Cognito names each
 * passkey itself (`FriendlyCredentialName`); its API takes no name, so none is asked for.
 */
export function PasskeySection({ className }: { className?: string }) {
  const m = useMessages();
  const passkeys = usePasskeys();
  return (
    <div className={className ?? 'ck-section'} data-section="passkeys">
      <h3 className="ck-subtitle">{m.passkeys.title}</h3>
      <p className="ck-description">{m.passkeys.description}</p>
      {passkeys.isLoading ? (
        <p className="ck-description">{m.security.loading}</p>
      ) : (
        <PasskeyList passkeys={passkeys.passkeys ?? []} onRemove={(id) => passkeys.remove(id)} />
      )}
      {passkeys.supported ? (
        <ActionButton action={() => passkeys.register()} successText={m.passkeys.added}>
          {m.passkeys.add}
        </ActionButton>
      ) : (
        <p className="ck-description">{m.passkeys.unsupported}</p>
      )}
    </div>
  );
}
