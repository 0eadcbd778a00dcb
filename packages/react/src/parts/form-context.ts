import { createContext, useContext } from 'react';

/** Where a form is in its life: enumerated so styles can target `[data-state="pending"]`. */
export type FormState = 'idle' | 'pending' | 'error' | 'success';

/** What a field failed on before anything was sent. */
export type FieldProblem = 'required' | 'codeFormat';

/** @internal Shared between {@link Form} and its parts. */
export interface FormContextValue {
  state: FormState;
  /** The error of the last submit (a CognitoError, usually). */
  error: unknown;
  formErrorId: string;
  fieldProblems: Readonly<Record<string, FieldProblem>>;
}

export const FormContext = createContext<FormContextValue | null>(null);

/** @internal The enclosing form's state, or an idle stand-in when a part is used on its own. */
export function useFormContext(): FormContextValue {
  return (
    useContext(FormContext) ?? { state: 'idle', error: null, formErrorId: '', fieldProblems: {} }
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
