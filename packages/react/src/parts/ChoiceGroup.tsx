import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { mergeProps } from './merge-props.js';

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps extends Omit<ComponentPropsWithRef<'fieldset'>, 'onChange'> {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  /** The initially chosen value; the first option when omitted, so the group is never unanswered. */
  defaultValue?: string;
  /** Called when the user picks another option. */
  onValueChange?: (value: string) => void;
}

/** A radio group in a `<fieldset>` with a `<legend>`: arrow keys move between the options. */
export function ChoiceGroup({
  name,
  legend,
  options,
  defaultValue,
  onValueChange,
  ...rest
}: ChoiceGroupProps) {
  const id = useId();
  const initial = defaultValue ?? options[0]?.value;
  return (
    <fieldset {...mergeProps({ className: 'ck-choices' }, rest)}>
      <legend className="ck-label">{legend}</legend>
      {options.map((option, i) => (
        <div className="ck-choice" key={option.value}>
          <input
            type="radio"
            id={`${id}-${i}`}
            name={name}
            value={option.value}
            defaultChecked={option.value === initial}
            onChange={() => onValueChange?.(option.value)}
          />
          <label htmlFor={`${id}-${i}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
