import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
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
  /**
   * Move focus to the title when the screen appears (it is focusable by script only,
   * `tabIndex={-1}`): for screens whose first field is not where reading starts (the QR code and
   * key come before the code field) and for outcomes that replace the form that had focus.
   * Default false (forms focus their first field themselves).
   */
  focusTitle?: boolean;
}

/** What the nearest {@link ScreenFooter} asks the screens below it to show at their end. */
const FooterContext = createContext<ReactNode>(null);

/** What the nearest {@link ScreenHeader} asks the screens below it to show above their title. */
const HeaderContext = createContext<ReactNode>(null);

/**
 * One screen of a flow: a labelled `<section>` (a region landmark) with a heading and an optional
 * description, then its content, then the footer of the enclosing {@link ScreenFooter}. Carries
 * the `ck-root` class the stylesheet themes.
 */
export function Screen({
  title,
  description,
  level = 2,
  focusTitle = false,
  children,
  ...rest
}: ScreenProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle]);
  // The messages' language, so screen readers pronounce a German form in German on any page,
  // and their direction, so an Arabic form reads right to left inside a left-to-right page.
  const { locale, direction } = useMessages();
  const footer = useContext(FooterContext);
  const header = useContext(HeaderContext);
  const Heading = `h${level}` as const;
  return (
    <section
      {...mergeProps(
        { lang: locale, dir: direction, 'aria-labelledby': id, className: 'ck-root' },
        rest,
      )}
    >
      {header}
      <Heading id={id} className="ck-title" ref={heading} tabIndex={focusTitle ? -1 : undefined}>
        {title}
      </Heading>
      {description ? <p className="ck-description">{description}</p> : null}
      {/* Screens nested inside this one (a settings section) do not repeat the footer. */}
      <HeaderContext.Provider value={null}>
        <FooterContext.Provider value={null}>{children}</FooterContext.Provider>
      </HeaderContext.Provider>
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

/** Props of {@link ScreenHeader}. */
export interface ScreenHeaderProps {
  /** The app's logo: an `<img>` or `<svg>` with a text alternative naming the app. */
  logo?: ReactNode;
  /** A line under the logo ("Acme Cloud console"), shown in the muted text colour. */
  subtitle?: ReactNode;
  children?: ReactNode;
}

/**
 * A brand slot for the top of every screen of a flow: whichever step shows, its {@link Screen}
 * renders the logo and subtitle above its title (in `<div class="ck-header">`), so no step can
 * leave them out. Nested screens (a settings section) do not repeat it.
 *
 * @example
 * <ScreenHeader logo={<img src="/logo.svg" alt="Acme" />} subtitle="Sign in to Acme Cloud">
 *   <Authenticator><App /></Authenticator>
 * </ScreenHeader>
 */
export function ScreenHeader({ logo, subtitle, children }: ScreenHeaderProps) {
  const content =
    logo || subtitle ? (
      <div className="ck-header">
        {logo}
        {subtitle ? <p>{subtitle}</p> : null}
      </div>
    ) : null;
  return <HeaderContext.Provider value={content}>{children}</HeaderContext.Provider>;
}

/** A row of secondary navigation (links to other screens) under a form. */
export function Links(props: ComponentPropsWithRef<'div'>) {
  return <div {...mergeProps({ className: 'ck-links' }, props)} />;
}
