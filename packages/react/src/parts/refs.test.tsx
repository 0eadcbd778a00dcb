// Every part hands its element to a caller's `ref` (React 19: `ref` is a prop) and applies the
// caller's props after the ones it computes, joining `aria-describedby` instead of replacing it.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ReactElement, type RefObject } from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.js';
import {
  ActionButton,
  Button,
  Checkbox,
  ChoiceGroup,
  CodeInput,
  CopyButton,
  Field,
  FieldDescription,
  FieldError,
  Form,
  FormError,
  Input,
  Label,
  LinkButton,
  Links,
  PasswordInput,
  QrCode,
  Screen,
  StatusMessage,
  SubmitButton,
} from './index.js';

function inField(part: ReactElement) {
  return (
    <Form onSubmit={() => {}} aria-label="Test" autoFocus={false}>
      <Field name="f">
        <Label>Field</Label>
        {part}
      </Field>
    </Form>
  );
}

/** Each part with a ref of the element type it renders. */
function cases(): Array<[string, RefObject<Element | null>, (ref: never) => ReactElement, string]> {
  return [
    ['Form', createRef(), (ref) => <Form ref={ref} onSubmit={() => {}} />, 'FORM'],
    [
      'Field',
      createRef(),
      (ref) => (
        <Form onSubmit={() => {}}>
          <Field ref={ref} name="f" />
        </Form>
      ),
      'DIV',
    ],
    ['Label', createRef(), (ref) => inField(<Label ref={ref} />), 'LABEL'],
    ['FieldDescription', createRef(), (ref) => inField(<FieldDescription ref={ref} />), 'P'],
    ['Input', createRef(), (ref) => inField(<Input ref={ref} />), 'INPUT'],
    [
      'PasswordInput',
      createRef(),
      (ref) => inField(<PasswordInput ref={ref} autoComplete="new-password" />),
      'INPUT',
    ],
    ['CodeInput', createRef(), (ref) => inField(<CodeInput ref={ref} />), 'INPUT'],
    ['Checkbox', createRef(), (ref) => inField(<Checkbox ref={ref} />), 'INPUT'],
    [
      'FormError',
      createRef(),
      (ref) => (
        <Form onSubmit={() => {}}>
          <FormError ref={ref} />
        </Form>
      ),
      'DIV',
    ],
    ['StatusMessage', createRef(), (ref) => <StatusMessage ref={ref} />, 'DIV'],
    ['SubmitButton', createRef(), (ref) => <SubmitButton ref={ref}>Go</SubmitButton>, 'BUTTON'],
    ['LinkButton', createRef(), (ref) => <LinkButton ref={ref}>Go</LinkButton>, 'BUTTON'],
    ['Button', createRef(), (ref) => <Button ref={ref}>Go</Button>, 'BUTTON'],
    ['CopyButton', createRef(), (ref) => <CopyButton ref={ref} value="x" />, 'BUTTON'],
    [
      'ActionButton',
      createRef(),
      (ref) => (
        <ActionButton ref={ref} action={() => {}}>
          Go
        </ActionButton>
      ),
      'BUTTON',
    ],
    [
      'ChoiceGroup',
      createRef(),
      (ref) => (
        <ChoiceGroup ref={ref} name="c" legend="Pick" options={[{ value: 'a', label: 'A' }]} />
      ),
      'FIELDSET',
    ],
    [
      'QrCode',
      createRef(),
      (ref) => <QrCode ref={ref} value="otpauth://totp/a?secret=AB" label="QR" />,
      'svg',
    ],
    ['Screen', createRef(), (ref) => <Screen ref={ref} title="T" />, 'SECTION'],
    ['Links', createRef(), (ref) => <Links ref={ref} />, 'DIV'],
  ];
}

describe('every part takes a ref', () => {
  it.each(cases())('%s', (_name, ref, element, tag) => {
    render(element(ref as never));
    expect(ref.current?.tagName).toBe(tag);
  });
});

describe('caller props come after the computed ones', () => {
  it("an input keeps its error in aria-describedby next to the caller's own description", async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <p id="hint">Use the name on your badge.</p>
        <Form onSubmit={() => {}} aria-label="Test">
          <Field name="username" described>
            <Label>Username</Label>
            <FieldDescription>Letters and digits.</FieldDescription>
            <Input required aria-describedby="hint" className="mine" placeholder="alice" />
            <FieldError />
          </Field>
          <SubmitButton>Go</SubmitButton>
        </Form>
      </>,
    );
    const input = screen.getByLabelText('Username');
    expect(input.className).toBe('ck-input mine');
    expect(input.getAttribute('placeholder')).toBe('alice');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described).toHaveLength(3);
    expect(described).toContain('hint');
    const texts = described.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual([
      'Letters and digits.',
      'Fill in this field.',
      'Use the name on your badge.',
    ]);
    await expectNoAxeViolations(container);
  });

  it('a caller may override what a part computed, but not the ids other elements point at', () => {
    render(
      <Form onSubmit={() => {}} aria-label="Test">
        <Field name="code">
          <Label>Code</Label>
          <CodeInput maxLength={8} inputMode="text" aria-invalid />
        </Field>
      </Form>,
    );
    const code = screen.getByLabelText('Code');
    expect(code.getAttribute('maxlength')).toBe('8');
    expect(code.getAttribute('inputmode')).toBe('text');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('name')).toBe('code');
  });

  it("a screen adds the caller's aria-labelledby to its own heading", () => {
    render(
      <>
        <span id="brand">Acme</span>
        <Screen title="Sign in" aria-labelledby="brand" />
      </>,
    );
    expect(screen.getByRole('region', { name: 'Sign in Acme' })).toBeTruthy();
  });
});
