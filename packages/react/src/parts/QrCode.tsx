import { useMemo, type ComponentPropsWithoutRef } from 'react';
import { encode } from 'uqr';
import { cx } from './cx.js';

/** Props of {@link QrCode}. */
export interface QrCodeProps extends Omit<ComponentPropsWithoutRef<'svg'>, 'children'> {
  /** What to encode, e.g. an `otpauth://totp/…` URI. */
  value: string;
  /** The accessible name of the image. */
  label: string;
}

/**
 * A QR code drawn as one SVG path (crisp at any size, no canvas, no network). Dark modules use
 * `currentColor` on a light background, since phone cameras need the contrast.
 */
export function QrCode({ value, label, className, ...rest }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size: qr.size, path: d };
  }, [value]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      {...rest}
      className={cx('ck-qr', className)}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
