/**
 * RFC 6238 TOTP (SHA-1, 30 s, 6 digits) for tests: what an authenticator app would show for a
 * base32 secret. Written here so the tests do not trust the emulator's own TOTP code.
 */

function base32Decode(input: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The 6-digit code for `base32Secret` at `atMs` (default now). */
export async function totpNow(base32Secret: string, atMs: number = Date.now()): Promise<string> {
  const counter = Math.floor(atMs / 1000 / 30);
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    base32Decode(base32Secret),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  // Dynamic truncation (RFC 4226 §5.3): 31 bits read at the offset named by the last nibble.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}
