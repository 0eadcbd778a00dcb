import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type FormEvent,
} from 'react';
import { FormContext, type FieldCheck, type FieldProblem, type FormState } from './form-context.js';
import { findProblems } from './field-checks.js';
import { mergeProps, useMergedRef } from './merge-props.js';
import type { ErrorScreen } from '../messages/error-keys.js';

/** Props of {@link Form}. */
export interface FormProps extends Omit<ComponentPropsWithRef<'form'>, 'onSubmit'> {
  /**
   * Runs on a valid submit. A returned promise drives `data-state` (pending → success or error);
   * a rejection is shown by {@link FormError}, so callers do not need their own try/catch.
   */
  onSubmit: (data: FormData) => unknown;
  /**
   * Focus the first field (or, with none, the first button) when the form appears: each step of a
   * flow is a new form. Default true.
   */
  autoFocus?: boolean;
  /** An error to show that did not come from this form's own submit. */
  error?: unknown;
  /**
   * The screen whose wording its errors take, where a code means something else than at sign-in
   * (`changePassword`: NotAuthorizedException is a wrong current password). Default `signIn`.
   */
  errorScreen?: ErrorScreen | undefined;
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not(:disabled), select, textarea';

/**
 * A `<form>` that validates its fields accessibly (required, 6-digit codes, `type="email"` and
 * `type="tel"` formats, and each {@link Field}'s own `check`), tracks its submit as `data-state`, and moves
 * focus to its first field when it appears.
 *
 * @example
 * <Form onSubmit={(data) => auth.signIn({ username: String(data.get('username')), password: String(data.get('password')) })}>
 *   <Field name="username"><Label>Username</Label><Input autoComplete="username" required /></Field>
 *   <FormError />
 *   <SubmitButton>Sign in</SubmitButton>
 * </Form>
 */
export function Form({
  onSubmit,
  autoFocus = true,
  error,
  errorScreen,
  children,
  ref: callerRef,
  ...rest
}: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const formRef = useMergedRef(ref, callerRef);
  const formErrorId = useId();
  const [state, setState] = useState<FormState>('idle');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, FieldProblem>>({});
  const mounted = useRef(true);
  // The fields' own checks (a password policy, a repeated password), by field name.
  const checks = useRef(new Map<string, FieldCheck>());
  const registerCheck = useCallback((name: string, check: FieldCheck) => {
    checks.current.set(name, check);
    return () => {
      if (checks.current.get(name) === check) checks.current.delete(name);
    };
  }, []);

  useEffect(() => {
    mounted.current = true;
    // The first field; a form of buttons only (a yes / no question) focuses its first button.
    const form = ref.current;
    if (autoFocus)
      (form?.querySelector<HTMLElement>(FIELD_SELECTOR) ?? form?.querySelector('button'))?.focus();
    return () => {
      mounted.current = false;
    };
  }, [autoFocus]);

  // After a refusal, focus the field it is about (a wrong password, a taken username, a wrong
  // code), so keyboard users retype at once and screen readers read the field with the error.

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (state === 'pending') return;
    const problems = findProblems(form, checks.current);
    setFieldProblems(problems);
    const firstInvalid = Object.keys(problems)[0];
    if (firstInvalid !== undefined) {
      form.querySelector<HTMLElement>(`[name="${CSS.escape(firstInvalid)}"]`)?.focus();
      return;
    }
    setState('pending');
    setSubmitError(null);
    try {
      await onSubmit(new FormData(form));
      // A successful step often unmounts this form (the next step replaces it).
      if (mounted.current) setState('success');
    } catch (e) {
      if (!mounted.current) return;
      setSubmitError(e);
      setState('error');
    }
  }

  const shownError = submitError ?? error ?? null;
  // After a refusal (this form's or the flow's), focus the field it is about (a wrong password, a
  // taken username, a wrong code), so keyboard users retype at once and screen readers read the
  // field with its error.
  useEffect(() => {
    if (shownError) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shownError]);
  const shownState = state === 'idle' && shownError ? 'error' : state;
  return (
    <FormContext.Provider
      value={{
        state: shownState,
        error: shownError,
        formErrorId,
        errorScreen,
        fieldProblems,
        registerCheck,
      }}
    >
      <form
        {...mergeProps(
          {
            noValidate: true,
            className: 'ck-form',
            'data-state': shownState,
            'aria-busy': state === 'pending' || undefined,
          },
          rest,
        )}
        ref={formRef}
        onSubmit={handleSubmit}
      >
        {children}
      </form>
    </FormContext.Provider>
  );
}
