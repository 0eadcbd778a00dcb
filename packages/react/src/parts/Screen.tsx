import {
  createContext,
  useContext,
  useId,
  type ComponentPropsWithRef,
  type ReactNode,
} from 'react';
import { mergeProps } from './merge-props.js';
import { useMessages } from '../messages/MessagesProvider.js';

/** Props of {@link Screen}. */
export interface ScreenProps extends Omit<ComponentPropsWithRef<'section'>, 'title'> {
  title: ReactNode;
  description?: ReactNode;
  /** Heading level of the title; 2 by default, since the page owns the `<h1>`. */
  level?: 2 | 3 | 4;
}

/** What the nearest {@link ScreenFooter} asks the screens below it to show at their end. */
const FooterContext = createContext<ReactNode>(null);

/**
 * One screen of a flow: a labelled `<section>` (a region landmark) with a heading and an optional
 * description, then its content, then the footer of the enclosing {@link ScreenFooter}. Carries
 * the `ck-root` class the stylesheet themes.
 */
export function Screen({ title, description, level = 2, children, ...rest }: ScreenProps) {
  const id = useId();
  // The messages' language, so screen readers pronounce a German form in German on any page,
  // and their direction, so an Arabic form reads right to left inside a left-to-right page.
  const { locale, direction } = useMessages();
  const footer = useContext(FooterContext);
  const Heading = `h${level}` as const;
  return (
    <section
      {...mergeProps(
        { lang: locale, dir: direction, 'aria-labelledby': id, className: 'ck-root' },
        rest,
      )}
    >
      <Heading id={id} className="ck-title">
        {title}
      </Heading>
      {description ? <p className="ck-description">{description}</p> : null}
      {/* Screens nested inside this one (a settings section) do not repeat the footer. */}
      <FooterContext.Provider value={null}>{children}</FooterContext.Provider>
      {footer}
    </section>
  );
}

/** Props of {@link ScreenFooter}. */
export interface ScreenFooterProps {
  /** Shown at the end of every {@link Screen} below (the outermost one of each subtree). */
  content: ReactNode;
  children?: ReactNode;
}

/**
 * A slot for the end of every screen of a flow: whichever step a flow shows, its {@link Screen}
 * renders `content` last, so no step can leave it out (how `SignIn` puts "Back to sign in" and
 * its `footer` option under each challenge).
 *
 * @example
 * <ScreenFooter content={<Links><a href="/help">Help</a></Links>}><MfaChallenge /></ScreenFooter>
 */
export function ScreenFooter({ content, children }: ScreenFooterProps) {
  return <FooterContext.Provider value={content}>{children}</FooterContext.Provider>;
}

/** A row of secondary navigation (links to other screens) under a form. */
export function Links(props: ComponentPropsWithRef<'div'>) {
  return <div {...mergeProps({ className: 'ck-links' }, props)} />;
}
