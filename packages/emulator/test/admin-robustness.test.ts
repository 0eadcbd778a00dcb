/**
 * Every admin action, called in-process with a valid signature but malformed input, answers a
 * Cognito-shaped 400 (SerializationException / InvalidParameterException / ResourceNotFound…),
 * never a 500 or a crash.
 */
import { describe, expect, it } from 'vitest';
import { adminActionNames } from '../src/engine/actions/admin-actions.js';
import { createEmulator } from '../src/engine/emulator.js';
import { SIGNED_NOW, signedRequest } from './helpers/signed.js';

/** Bodies no admin action accepts (all need at least one member, of the right JSON type). */
const MALFORMED_BODIES = [
  '',
  '{}',
  '[]',
  '"text"',
  '{"UserPoolId":',
  JSON.stringify({
    UserPoolId: 42,
    Username: ['x'],
    GroupName: {},
    ClientId: true,
    ProviderName: 1,
    MaxResults: 'ten',
    PoolName: 7,
  }),
];

/** Bodies some actions accept and others refuse; none may crash a handler. */
const ODD_BODIES = [
  JSON.stringify({
    UserPoolId: 'us-east-1_Robust1',
    Username: 'nobody',
    GroupName: 'g',
    ClientId: 'c',
    ProviderName: 'p',
    MaxResults: 5,
    Limit: -1,
  }),
  JSON.stringify({
    UserPoolId: 'us-east-1_Robust1',
    UserAttributes: [1, 'x'],
    Schema: ['x', null],
    Policies: [],
    Filter: 'x',
  }),
  JSON.stringify({
    UserPoolId: 'us-east-1_Robust1',
    PaginationToken: 'not-a-token',
    NextToken: '%%%',
    Limit: 2,
    MaxResults: 2,
  }),
  JSON.stringify({
    UserPoolId: 'us-east-1_Nope',
    PoolName: 'x',
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    ClientId: 'robustClient',
  }),
  JSON.stringify({
    PoolName: 'p',
    Schema: ['x', null, { Name: 5 }],
    AliasAttributes: ['bogus'],
    MaxResults: 1,
  }),
  JSON.stringify({
    UserPoolId: 'us-east-1_Robust1',
    ClientName: 'c',
    ExplicitAuthFlows: ['NOPE'],
    TokenValidityUnits: 'days',
  }),
];

describe('admin actions on malformed input', () => {
  it('answer a Cognito-shaped 400 (or a normal answer), never a 500', async () => {
    const internal: unknown[] = [];
    const emulator = createEmulator(
      {
        pools: [
          {
            id: 'us-east-1_Robust1',
            clients: [{ id: 'robustClient' }],
            groups: [{ name: 'g' }],
            users: [{ username: 'u', password: 'Passw0rd!' }],
          },
        ],
      },
      { now: SIGNED_NOW, onInternalError: (e) => internal.push(e) },
    );
    const seen = new Set<string>();
    for (const action of adminActionNames) {
      for (const body of [...MALFORMED_BODIES, ...ODD_BODIES]) {
        const response = await emulator.handle(await signedRequest(action, body));
        const answer = (await response.json()) as { __type?: string };
        if (MALFORMED_BODIES.includes(body))
          expect.soft(response.status, `${action} ${body}`).toBe(400);
        else expect.soft([200, 400], `${action} ${body}`).toContain(response.status);
        expect.soft(answer.__type, `${action} ${body}`).not.toBe('InternalErrorException');
        seen.add(answer.__type ?? '');
      }
    }
    expect(internal).toEqual([]);
    // The signature was accepted, so the failures come from the handlers' input checks.
    expect(seen).not.toContain('InvalidSignatureException');
    expect(seen).toContain('SerializationException');
    expect(seen).toContain('InvalidParameterException');
    expect(seen).toContain('ResourceNotFoundException');
  });
});
