import { createContext, useContext } from 'react';
import type { ErrorScreen } from '../messages/error-keys.js';

/** Where a form is in its life: enumerated so styles can target `[data-state="pending"]`. */
export type FormState = 'idle' | 'pending' | 'error' | 'success';

/** What a field failed on before anything was sent; each has a `messages.validation` text. */
export type FieldProblem =
  | 'required'
  | 'codeFormat'
  | 'emailFormat'
  | 'phoneFormat'
  /** A confirm-password field that does not repeat the password. */
  | 'passwordMismatch'
  /** A password that breaks a rule of the password policy (the rules list says which). */
  | 'passwordRules';

/** @internal Shared between {@link Form} and its parts. */
export interface FormContextValue {
  state: FormState;
  /** The error of the last submit (a CognitoError, usually). */
  error: unknown;
  formErrorId: string;
  /** Which screen's wording the form's errors take (see `ErrorScreen`). */
  errorScreen: ErrorScreen | undefined;
  fieldProblems: Readonly<Record<string, FieldProblem>>;
  /** Adds a field's own check to those run before submitting; returns its removal. */
  registerCheck: (name: string, check: FieldCheck) => () => void;
}

/**
 * A check of one field before anything is sent: the problem, or `undefined` when the value is
 * fine. Gets the whole form's data for checks that compare fields (a confirm-password field).
 */
export type FieldCheck = (value: string, data: FormData) => FieldProblem | undefined;

const NO_CHECKS = () => () => {};

export const FormContext = createContext<FormContextValue | null>(null);

/** @internal The enclosing form's state, or an idle stand-in when a part is used on its own. */
export function useFormContext(): FormContextValue {
  return (
    useContext(FormContext) ?? {
      state: 'idle',
      error: null,
      formErrorId: '',
      errorScreen: undefined,
      fieldProblems: {},
      registerCheck: NO_CHECKS,
    }
  );
}

/** @internal Per-field ids and validity. */
export interface FieldContextValue {
  name: string;
  id: string;
  errorId: string;
  descriptionId: string;
  hasDescription: boolean;
  problem: FieldProblem | undefined;
  /** Marked invalid by the component (a server error about this field). */
  invalid: boolean;
}

export const FieldContext = createContext<FieldContextValue | null>(null);

/** @internal */
export function useFieldContext(part: string): FieldContextValue {
  const field = useContext(FieldContext);
  if (!field)
    throw new Error(`<${part}> must be placed inside a <Field>; wrap it in <Field name="…">.`);
  return field;
}
