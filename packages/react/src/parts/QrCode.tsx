import { useEffect, useState, type ComponentPropsWithRef } from 'react';
import { mergeProps } from './merge-props.js';
import { drawQr, type QrDrawing } from './qr-drawing.js';

/** Props of {@link QrCode}. */
export interface QrCodeProps extends Omit<ComponentPropsWithRef<'svg'>, 'children'> {
  /** What to encode, e.g. an `otpauth://totp/…` URI. */
  value: string;
  /** The accessible name of the image. */
  label: string;
}

/**
 * A QR code drawn as one SVG path (crisp at any size, no canvas, no network). Dark modules are
 * black on white, since phone cameras need the contrast. The encoder loads when the first code is
 * shown: until then (`data-state="loading"`, `aria-busy`) the image is an empty square, so keep
 * the text form of the value next to it (as `TotpSetupView` does with the key).
 */
export function QrCode({ value, label, ...rest }: QrCodeProps) {
  const [drawn, setDrawn] = useState<{ value: string; drawing: QrDrawing } | 'failed' | null>(null);
  useEffect(() => {
    let current = true;
    drawQr(value).then(
      (drawing) => current && setDrawn({ value, drawing }),
      // The chunk did not load (offline): the text key still works.
      () => current && setDrawn('failed'),
    );
    return () => {
      current = false;
    };
  }, [value]);
  const drawing =
    drawn !== null && drawn !== 'failed' && drawn.value === value ? drawn.drawing : null;
  const size = drawing?.size ?? 1;
  const state = drawing ? 'ready' : drawn === 'failed' ? 'failed' : 'loading';
  return (
    <svg
      {...mergeProps(
        {
          role: 'img',
          'aria-label': label,
          'aria-busy': state === 'loading' || undefined,
          'data-state': state,
          viewBox: `0 0 ${size} ${size}`,
          shapeRendering: 'crispEdges',
          className: 'ck-qr',
        },
        rest,
      )}
    >
      <rect width={size} height={size} fill="#fff" />
      {drawing ? <path d={drawing.path} fill="#000" /> : null}
    </svg>
  );
}
