import { useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { cx } from './cx.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link Screen}. */
export interface ScreenProps extends Omit<ComponentPropsWithoutRef<'section'>, 'title'> {
  title: ReactNode;
  description?: ReactNode;
  /** Heading level of the title; 2 by default, since the page owns the `<h1>`. */
  level?: 2 | 3 | 4;
}

/**
 * One screen of a flow: a labelled `<section>` (a region landmark) with a heading and an optional
 * description. Carries the `ck-root` class the stylesheet themes.
 */
export function Screen({
  title,
  description,
  level = 2,
  className,
  children,
  ...rest
}: ScreenProps) {
  const id = useId();
  // The messages' language, so screen readers pronounce a German form in German on any page.
  const { locale } = useMessages();
  const Heading = `h${level}` as const;
  return (
    <section lang={locale} {...rest} aria-labelledby={id} className={cx('ck-root', className)}>
      <Heading id={id} className="ck-title">
        {title}
      </Heading>
      {description ? <p className="ck-description">{description}</p> : null}
      {children}
    </section>
  );
}

/** A row of secondary navigation (links to other screens) under a form. */
export function Links({ className, ...rest }: ComponentPropsWithoutRef<'div'>) {
  return <div {...rest} className={cx('ck-links', className)} />;
}
