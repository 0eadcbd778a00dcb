// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, ENDPOINT, POOL_ID } from '../../test/hooks-env.js';
import { useAuth } from '../hooks/useAuth.js';
import { CognitoProvider } from './CognitoProvider.js';

function Status() {
  return <p>{useAuth((auth) => auth.status)}</p>;
}

describe('CognitoProvider on the server', () => {
  it('renders `initializing` without a window (and importing it touched none)', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <CognitoProvider
        config={{
          endpoint: ENDPOINT,
          userPoolId: POOL_ID,
          clientId: CLIENT_ID,
          fetch: () => Promise.reject(new Error('no request may be made while rendering')),
        }}
      >
        <Status />
      </CognitoProvider>,
    );
    expect(html).toBe('<p>initializing</p>');
  });
});
