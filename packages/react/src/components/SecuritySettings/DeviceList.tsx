import { useMessages } from '../../messages/MessagesProvider.js';
import { ActionButton } from '../../parts/index.js';

/** A remembered device as the list shows it; structurally core's `Device`. */
export interface DeviceListItem {
  readonly deviceKey: string;
  readonly name?: string | undefined;
  readonly lastAuthenticatedAt?: Date | undefined;
}

/** Props of {@link DeviceList}. */
export interface DeviceListProps {
  devices: readonly DeviceListItem[];
  onForget: (key: string) => unknown;
  className?: string;
}

/** The user's remembered devices, each with a "Forget" button. */
export function DeviceList({ devices, onForget, className }: DeviceListProps) {
  const m = useMessages();
  if (devices.length === 0) return <p className="ck-description">{m.security.noDevices}</p>;
  return (
    <ul className={className ?? 'ck-list'}>
      {devices.map((device) => {
        const name = device.name ?? m.security.unnamedDevice;
        return (
          <li key={device.deviceKey}>
            <span>
              {name}
              {device.lastAuthenticatedAt ? (
                <span className="ck-description">
                  {' '}
                  — {m.security.lastUsed(device.lastAuthenticatedAt)}
                </span>
              ) : null}
            </span>
            <ActionButton
              action={() => onForget(device.deviceKey)}
              aria-label={`${m.actions.forgetDevice}: ${name}`}
            >
              {m.actions.forgetDevice}
            </ActionButton>
          </li>
        );
      })}
    </ul>
  );
}
