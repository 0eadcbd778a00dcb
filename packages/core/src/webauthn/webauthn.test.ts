import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import { fromBase64url, toBase64url } from './base64url.js';
import { getPasskeyAssertion, toPasskeyError } from './browser.js';
import {
  assertionToJSON,
  creationOptionsFromJSON,
  registrationToJSON,
  requestOptionsFromJSON,
} from './convert.js';
import { isPasskeySupported } from './support.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const buffer = (...values: number[]) => bytes(...values).buffer;

describe('base64url', () => {
  it('round-trips every byte value without padding or +/', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = toBase64url(all);
    expect(text).not.toMatch(/[+/=]/);
    expect(fromBase64url(text)).toEqual(all);
    expect(toBase64url(bytes(0xfb, 0xff))).toBe('-_8');
  });

  it('refuses text that is not base64url with InvalidInput', () => {
    for (const bad of ['a+b', 'a/b', 'abcde', 'ä']) {
      let error: unknown;
      try {
        fromBase64url(bad);
      } catch (e) {
        error = e;
      }
      expect(isCognitoError(error, 'InvalidInput')).toBe(true);
    }
  });
});

describe('JSON options to WebAuthn options', () => {
  it('decodes the challenge and allowed credential ids of CREDENTIAL_REQUEST_OPTIONS', () => {
    const options = requestOptionsFromJSON({
      challenge: toBase64url(bytes(1, 2, 3)),
      rpId: 'localhost',
      timeout: 180000,
      allowCredentials: [{ id: toBase64url(bytes(9, 9)), type: 'public-key', transports: ['usb'] }],
      userVerification: 'required',
    });
    expect(new Uint8Array(options.challenge as ArrayBuffer)).toEqual(bytes(1, 2, 3));
    expect(options.allowCredentials?.[0]).toMatchObject({
      type: 'public-key',
      transports: ['usb'],
    });
    expect(new Uint8Array(options.allowCredentials?.[0]?.id as ArrayBuffer)).toEqual(bytes(9, 9));
    expect(options).toMatchObject({
      rpId: 'localhost',
      timeout: 180000,
      userVerification: 'required',
    });
  });

  it('decodes user id, challenge and excluded ids of the creation options', () => {
    const options = creationOptionsFromJSON({
      rp: { id: 'localhost', name: 'localhost' },
      user: { id: toBase64url(new TextEncoder().encode('sub-1')), name: 'alice', displayName: '' },
      challenge: toBase64url(bytes(7)),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      excludeCredentials: [{ id: toBase64url(bytes(5)), type: 'public-key' }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    expect(new TextDecoder().decode(options.user.id as ArrayBuffer)).toBe('sub-1');
    expect(new Uint8Array(options.challenge as ArrayBuffer)).toEqual(bytes(7));
    expect(new Uint8Array(options.excludeCredentials?.[0]?.id as ArrayBuffer)).toEqual(bytes(5));
    expect(options.authenticatorSelection).toEqual({
      residentKey: 'required',
      userVerification: 'required',
    });
  });
});

describe('credentials to JSON', () => {
  const base = {
    id: 'Y3JlZA',
    rawId: buffer(0x63, 0x72, 0x65, 0x64),
    type: 'public-key',
    authenticatorAttachment: 'platform',
    getClientExtensionResults: () => ({}),
  };

  it('serialises an assertion as AuthenticationResponseJSON', () => {
    const json = assertionToJSON({
      ...base,
      response: {
        clientDataJSON: buffer(1),
        authenticatorData: buffer(2),
        signature: buffer(3),
        userHandle: buffer(4),
      } as AuthenticatorAssertionResponse,
    });
    expect(json).toEqual({
      id: 'Y3JlZA',
      rawId: 'Y3JlZA',
      type: 'public-key',
      response: {
        clientDataJSON: 'AQ',
        authenticatorData: 'Ag',
        signature: 'Aw',
        userHandle: 'BA',
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    });
  });

  it('serialises a registration with the Level 2 getters where the browser has them', () => {
    const json = registrationToJSON({
      ...base,
      response: {
        clientDataJSON: buffer(1),
        attestationObject: buffer(2),
        getTransports: () => ['internal'],
        getPublicKeyAlgorithm: () => -7,
        getAuthenticatorData: () => buffer(3),
        getPublicKey: () => null,
      } as unknown as AuthenticatorAttestationResponse,
    });
    expect(json.response).toEqual({
      clientDataJSON: 'AQ',
      attestationObject: 'Ag',
      transports: ['internal'],
      publicKeyAlgorithm: -7,
      authenticatorData: 'Aw',
    });
  });
});

describe('browser errors', () => {
  it('maps a dismissed prompt and a timeout to PasskeyCancelled', () => {
    for (const name of ['NotAllowedError', 'AbortError']) {
      expect(toPasskeyError(new DOMException('x', name)).code).toBe('PasskeyCancelled');
    }
    expect(toPasskeyError(new DOMException('x', 'SecurityError')).code).toBe('PasskeyUnavailable');
    expect(toPasskeyError(new DOMException('x', 'InvalidStateError')).code).toBe('PasskeyFailed');
  });
});

describe('in a runtime without WebAuthn (Node)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is not supported, and asking for a passkey is PasskeyUnavailable, not a crash', async () => {
    expect(isPasskeySupported()).toBe(false);
    const error = await getPasskeyAssertion({ challenge: 'AA' }).catch((e: unknown) => e);
    expect(isCognitoError(error, 'PasskeyUnavailable')).toBe(true);
  });

  it('uses the browser’s own JSON helpers when present', async () => {
    const parsed = { challenge: new ArrayBuffer(1) };
    const parse = vi.fn(() => parsed);
    const credential = { toJSON: () => ({ id: 'from-browser' }) };
    const get = vi.fn(async () => credential);
    vi.stubGlobal(
      'PublicKeyCredential',
      Object.assign(function PublicKeyCredential() {}, {
        parseRequestOptionsFromJSON: parse,
      }),
    );
    vi.stubGlobal('navigator', { credentials: { get } });
    const json = await getPasskeyAssertion({ challenge: 'AA' });
    expect(parse).toHaveBeenCalledWith({ challenge: 'AA' });
    expect(get).toHaveBeenCalledWith({ publicKey: parsed });
    expect(json).toEqual({ id: 'from-browser' });
  });

  it('turns a dismissed prompt into PasskeyCancelled', async () => {
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    vi.stubGlobal('navigator', {
      credentials: { get: () => Promise.reject(new DOMException('no', 'NotAllowedError')) },
    });
    const error = await getPasskeyAssertion({ challenge: 'AA' }).catch((e: unknown) => e);
    expect(isCognitoError(error, 'PasskeyCancelled')).toBe(true);
  });
});
