/**
 * The SRP client against the emulator's independently written server side (in-process fetch,
 * raw Cognito wire calls, no core client code in between): the password claim, SECRET_HASH, the
 * device verifier sent with ConfirmDevice, and the DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER
 * exchange must all be accepted — and wrong secrets refused.
 */
import { createEmulator, type Emulator } from '@cognito-kit/emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeDeviceClaim, generateDeviceVerifier } from './device-srp.js';
import { createSrpEphemeral } from './ephemeral.js';
import { computeSecretHash } from './secret-hash.js';
import { computePasswordClaim } from './user-srp.js';

const POOL = 'us-east-1_SrpWire1';
const CLIENT = 'srpwireclient';
const SECRET_CLIENT = 'srpwiresecret';
const CLIENT_SECRET = 'wire0secret0for0tests0only0abcdefghijklmnop';
const PASSWORD = 'Pässwörd-🔑1a';
const LONG_NAME = `long.${'n'.repeat(120)}`;

let emulator: Emulator;
beforeEach(() => {
  const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
  emulator = createEmulator({
    pools: [
      {
        id: POOL,
        clients: [
          { id: CLIENT, explicitAuthFlows: [...flows] },
          { id: SECRET_CLIENT, explicitAuthFlows: [...flows], secret: CLIENT_SECRET },
        ],
        deviceTracking: 'always',
        users: [
          { username: 'alice', password: PASSWORD },
          { username: LONG_NAME, password: PASSWORD },
        ],
      },
    ],
  });
});

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

async function call(action: string, body: Json): Promise<Answer> {
  const response = await emulator.fetch('http://emulator.test/', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}

const params = (a: Answer): Record<string, string> =>
  (a.body['ChallengeParameters'] ?? {}) as Record<string, string>;
const errorName = (a: Answer): string => String(a.body['__type']).split(/[:#]/).pop() ?? '';

interface SignIn {
  username: string;
  password: string;
  clientId?: string;
  secret?: string;
  deviceKey?: string;
}

/** InitiateAuth USER_SRP_AUTH, then the PASSWORD_VERIFIER answer. Returns the second answer. */
async function passwordSignIn(s: SignIn): Promise<Answer> {
  const clientId = s.clientId ?? CLIENT;
  const ephemeral = createSrpEphemeral();
  const auth: Record<string, string> = { USERNAME: s.username, SRP_A: ephemeral.srpA };
  if (s.secret) auth['SECRET_HASH'] = await computeSecretHash(s.username, clientId, s.secret);
  if (s.deviceKey) auth['DEVICE_KEY'] = s.deviceKey;
  const first = await call('InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: clientId,
    AuthParameters: auth,
  });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body['ChallengeName']).toBe('PASSWORD_VERIFIER');
  const p = params(first);
  const claim = await computePasswordClaim(ephemeral, {
    userPoolId: POOL,
    userIdForSrp: p['USER_ID_FOR_SRP']!,
    password: s.password,
    salt: p['SALT']!,
    srpB: p['SRP_B']!,
    secretBlock: p['SECRET_BLOCK']!,
  });
  const responses: Record<string, string> = {
    USERNAME: p['USER_ID_FOR_SRP']!,
    PASSWORD_CLAIM_SECRET_BLOCK: p['SECRET_BLOCK']!,
    TIMESTAMP: claim.timestamp,
    PASSWORD_CLAIM_SIGNATURE: claim.signature,
  };
  if (s.secret) {
    responses['SECRET_HASH'] = await computeSecretHash(p['USERNAME']!, clientId, s.secret);
  }
  if (s.deviceKey) responses['DEVICE_KEY'] = s.deviceKey;
  const session = first.body['Session'];
  return call('RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId: clientId,
    ChallengeResponses: responses,
    ...(typeof session === 'string' ? { Session: session } : {}),
  });
}

describe('SRP against the emulator', { timeout: 60_000 }, () => {
  it('signs in with the password claim (unicode password, long username)', async () => {
    for (const username of ['alice', LONG_NAME]) {
      const answer = await passwordSignIn({ username, password: PASSWORD });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const result = answer.body['AuthenticationResult'] as Json;
      expect(typeof result['AccessToken']).toBe('string');
    }
  });

  it('is refused with a wrong password', async () => {
    const answer = await passwordSignIn({ username: 'alice', password: `${PASSWORD}x` });
    expect(answer.status).toBe(400);
    expect(errorName(answer)).toBe('NotAuthorizedException');
  });

  it('sends SECRET_HASH that a client with a secret accepts, and a wrong one is refused', async () => {
    const ok = await passwordSignIn({
      username: 'alice',
      password: PASSWORD,
      clientId: SECRET_CLIENT,
      secret: CLIENT_SECRET,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const wrong = await call('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: SECRET_CLIENT,
      AuthParameters: {
        USERNAME: 'alice',
        SRP_A: createSrpEphemeral().srpA,
        SECRET_HASH: await computeSecretHash('alice', SECRET_CLIENT, `${CLIENT_SECRET}x`),
      },
    });
    expect(errorName(wrong)).toBe('NotAuthorizedException');
  });

  it('confirms a device with its verifier, then signs in with DEVICE_SRP_AUTH', async () => {
    const first = await passwordSignIn({ username: 'alice', password: PASSWORD });
    const result = first.body['AuthenticationResult'] as Json;
    const meta = result['NewDeviceMetadata'] as { DeviceKey: string; DeviceGroupKey: string };
    expect(meta.DeviceKey).toMatch(/_/);
    const verifier = await generateDeviceVerifier(meta.DeviceGroupKey, meta.DeviceKey);
    const confirmed = await call('ConfirmDevice', {
      AccessToken: result['AccessToken'],
      DeviceKey: meta.DeviceKey,
      DeviceSecretVerifierConfig: {
        PasswordVerifier: verifier.passwordVerifier,
        Salt: verifier.salt,
      },
      DeviceName: 'srp test',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

    const deviceSignIn = async (devicePassword: string): Promise<Answer> => {
      const afterPassword = await passwordSignIn({
        username: 'alice',
        password: PASSWORD,
        deviceKey: meta.DeviceKey,
      });
      expect(afterPassword.body['ChallengeName'], JSON.stringify(afterPassword.body)).toBe(
        'DEVICE_SRP_AUTH',
      );
      const username = params(afterPassword)['USERNAME'] ?? 'alice';
      const ephemeral = createSrpEphemeral();
      const challenge = await call('RespondToAuthChallenge', {
        ChallengeName: 'DEVICE_SRP_AUTH',
        ClientId: CLIENT,
        Session: afterPassword.body['Session'],
        ChallengeResponses: {
          USERNAME: username,
          DEVICE_KEY: meta.DeviceKey,
          SRP_A: ephemeral.srpA,
        },
      });
      expect(challenge.body['ChallengeName'], JSON.stringify(challenge.body)).toBe(
        'DEVICE_PASSWORD_VERIFIER',
      );
      const p = params(challenge);
      const claim = await computeDeviceClaim(ephemeral, {
        deviceGroupKey: meta.DeviceGroupKey,
        deviceKey: meta.DeviceKey,
        devicePassword,
        salt: p['SALT']!,
        srpB: p['SRP_B']!,
        secretBlock: p['SECRET_BLOCK']!,
      });
      return call('RespondToAuthChallenge', {
        ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
        ClientId: CLIENT,
        Session: challenge.body['Session'],
        ChallengeResponses: {
          USERNAME: username,
          DEVICE_KEY: meta.DeviceKey,
          PASSWORD_CLAIM_SECRET_BLOCK: p['SECRET_BLOCK']!,
          TIMESTAMP: claim.timestamp,
          PASSWORD_CLAIM_SIGNATURE: claim.signature,
        },
      });
    };

    const signedIn = await deviceSignIn(verifier.devicePassword);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    expect(typeof (signedIn.body['AuthenticationResult'] as Json)['AccessToken']).toBe('string');

    const refused = await deviceSignIn(`${verifier.devicePassword}x`);
    expect(errorName(refused)).toBe('NotAuthorizedException');
  });
});
