import type { ComponentPropsWithRef } from 'react';
import { useMessages } from '../../messages/MessagesProvider.js';
import { mergeProps } from '../../parts/merge-props.js';

/**
 * The root of an admin screen: themed by the stylesheet's `--ck-*` variables (`ck-root`), in
 * the language and direction of the main messages.
 */
export function AdminSection(props: ComponentPropsWithRef<'section'>) {
  const { locale, direction } = useMessages();
  return (
    <section
      {...mergeProps({ className: 'ck-root ck-admin', lang: locale, dir: direction }, props)}
    />
  );
}
