import { useMessages } from '../../messages/MessagesProvider.js';

/** The note on the sign-in form a confirmed sign-up leads to: "Account confirmed" and what next. */
export function SignUpConfirmedNotice() {
  const m = useMessages();
  return (
    <>
      <strong className="ck-callout-title">{m.signIn.signUpConfirmedTitle}</strong>
      {m.signIn.signUpConfirmed}
    </>
  );
}
