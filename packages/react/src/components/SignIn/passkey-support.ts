import { isPasskeySupported } from '@cognito-kit/core';
import { useEffect, useState } from 'react';

/**
 * Whether this browser can use passkeys. False during server rendering and the first client
 * render (so both agree), then the browser's answer.
 */
export function usePasskeySupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(isPasskeySupported()), []);
  return supported;
}
