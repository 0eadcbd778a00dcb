import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react';
import { cx } from './cx.js';
import { FormContext, type FieldProblem, type FormState } from './form-context.js';

/** Props of {@link Form}. */
export interface FormProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /**
   * Runs on a valid submit. A returned promise drives `data-state` (pending → success or error);
   * a rejection is shown by {@link FormError}, so callers do not need their own try/catch.
   */
  onSubmit: (data: FormData) => unknown;
  /** Focus the first field when the form appears (each step of a flow is a new form). Default true. */
  autoFocus?: boolean;
  /** An error to show that did not come from this form's own submit. */
  error?: unknown;
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not(:disabled), select, textarea';

/** Checks what the browser would check, but reports it through our own accessible messages. */
function findProblems(form: HTMLFormElement): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement>('input[name]'))) {
    if (el.disabled || el.type === 'checkbox' || el.type === 'radio') continue;
    const value = el.value.trim();
    if (el.required && value === '') problems[el.name] = 'required';
    else if (el.dataset['ckCode'] !== undefined && value !== '' && !/^\d{6}$/.test(value))
      problems[el.name] = 'codeFormat';
  }
  return problems;
}

/**
 * A `<form>` that validates its fields accessibly, tracks its submit as `data-state`, and moves
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
  className,
  children,
  ...rest
}: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  const formErrorId = useId();
  const [state, setState] = useState<FormState>('idle');
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, FieldProblem>>({});
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    if (autoFocus) ref.current?.querySelector<HTMLElement>(FIELD_SELECTOR)?.focus();
    return () => {
      mounted.current = false;
    };
  }, [autoFocus]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (state === 'pending') return;
    const problems = findProblems(form);
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
  const shownState = state === 'idle' && shownError ? 'error' : state;
  return (
    <FormContext.Provider
      value={{ state: shownState, error: shownError, formErrorId, fieldProblems }}
    >
      <form
        ref={ref}
        noValidate
        data-state={shownState}
        aria-busy={state === 'pending' || undefined}
        {...rest}
        className={cx('ck-form', className)}
        onSubmit={handleSubmit}
      >
        {children}
      </form>
    </FormContext.Provider>
  );
}
