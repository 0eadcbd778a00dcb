import { describe, expect, it } from 'vitest';
import { isCognitoError } from '../errors/index.js';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  concatBytes,
  hexToBytes,
  padHex,
  paddedBytes,
} from './encoding.js';
import { SRP_N } from './group.js';

describe('padHex', () => {
  it.each([
    [20n, '14'],
    [56n, '38'],
    [200n, '00c8'],
    [236n, '00ec'],
    [5n, '05'],
    [0x800n, '0800'],
    [0n, '00'],
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0xfffn, '0fff'],
    [0xffffn, '00ffff'],
  ])('padHex(%s) = %s', (n, hex) => {
    expect(padHex(n)).toBe(hex);
  });

  it('gives N a leading 00 byte (385 bytes)', () => {
    expect(padHex(SRP_N).startsWith('00ff')).toBe(true);
    expect(paddedBytes(SRP_N)).toHaveLength(385);
  });

  it('refuses negative numbers, which the protocol never hashes', () => {
    let error: unknown;
    try {
      padHex(-236n);
    } catch (e) {
      error = e;
    }
    expect(isCognitoError(error, 'SrpError')).toBe(true);
  });
});

describe('hex and base64', () => {
  it('round-trips bytes through hex', () => {
    const bytes = Uint8Array.from([0, 1, 0x7f, 0x80, 0xff]);
    expect(bytesToHex(bytes)).toBe('00017f80ff');
    expect(hexToBytes('00017F80ff')).toEqual(bytes);
    expect(() => hexToBytes('abc')).toThrow();
    expect(() => hexToBytes('zz')).toThrow();
  });

  it('encodes standard base64 with padding', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(bytesToBase64(Uint8Array.from([0xfb, 0xff]))).toBe('+/8=');
    expect(bytesToBase64(Uint8Array.from([0xfb, 0xff, 0xfe, 1]))).toBe('+//+AQ==');
  });

  it('decodes standard and URL-safe base64, padded or not', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xfe, 1]);
    expect(base64ToBytes('+//+AQ==')).toEqual(bytes);
    expect(base64ToBytes('-__-AQ==')).toEqual(bytes);
    expect(base64ToBytes('-__-AQ')).toEqual(bytes);
  });

  it('round-trips large inputs', () => {
    const big = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 7) & 0xff);
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big);
  });

  it.each(['A', 'AB=C', '@@@@', 'AAAA=', 'AB===', 'a b c d'])(
    'refuses malformed base64 %j with SrpError',
    (text) => {
      let error: unknown;
      try {
        base64ToBytes(text);
      } catch (e) {
        error = e;
      }
      expect(isCognitoError(error, 'SrpError')).toBe(true);
    },
  );

  it('concatenates', () => {
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(), Uint8Array.of(2, 3))).toEqual(
      Uint8Array.of(1, 2, 3),
    );
  });
});
