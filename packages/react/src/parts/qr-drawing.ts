/** A QR code as one SVG path: `size` modules square, dark modules drawn by `path`. */
export interface QrDrawing {
  readonly size: number;
  readonly path: string;
}

/**
 * Encodes `value` as a QR code (error correction M, a 2-module quiet zone). The encoder is loaded
 * on first use, so apps that never show a QR code never download it and those that do load it
 * only when the authenticator-app step appears.
 */
export async function drawQr(value: string): Promise<QrDrawing> {
  const { encode } = await import('uqr');
  const qr = encode(value, { ecc: 'M', border: 2 });
  let path = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, path };
}
