import { CognitoError } from '@cognito-kit/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.js';
import { de } from '../messages/de.js';
import { MessagesProvider } from '../messages/MessagesProvider.js';
import {
  CodeInput,
  CopyButton,
  Field,
  FieldError,
  Form,
  FormError,
  Input,
  Label,
  QrCode,
  SubmitButton,
} from './index.js';

function CodeForm({ onSubmit }: { onSubmit: (data: FormData) => unknown }) {
  return (
    <Form onSubmit={onSubmit} aria-label="Test form">
      <Field name="username">
        <Label>Username</Label>
        <Input autoComplete="username" required />
        <FieldError />
      </Field>
      <Field name="code">
        <Label>Code</Label>
        <CodeInput />
        <FieldError />
      </Field>
      <FormError />
      <SubmitButton>Go</SubmitButton>
    </Form>
  );
}

describe('Form parts', () => {
  it('has no axe violations, focuses the first field and wires labels', async () => {
    const { container } = render(<CodeForm onSubmit={() => {}} />);
    await expectNoAxeViolations(container);
    expect(screen.getByLabelText('Username')).toHaveProperty('autocomplete', 'username');
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    expect(screen.getByLabelText('Code').getAttribute('autocomplete')).toBe('one-time-code');
  });

  it('reports empty and malformed fields accessibly and does not submit', async () => {
    const user = userEvent.setup();
    const submitted: FormData[] = [];
    const { container } = render(<CodeForm onSubmit={(d) => submitted.push(d)} />);
    await user.type(screen.getByLabelText('Code'), '12a');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(submitted).toHaveLength(0);
    const username = screen.getByLabelText('Username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    const errorId = username.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Fill in this field.');
    expect(document.activeElement).toBe(username);
    const code = screen.getByLabelText('Code');
    expect(document.getElementById(code.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter the 6 digits of the code.',
    );
    expect(container.querySelector('[data-invalid]')).not.toBeNull();
    await expectNoAxeViolations(container);
  });

  it('submits valid data and shows a rejection through its code, in the chosen language', async () => {
    const user = userEvent.setup();
    let seen = '';
    render(
      <MessagesProvider messages={de}>
        <CodeForm
          onSubmit={async (data) => {
            seen = `${String(data.get('username'))}/${String(data.get('code'))}`;
            throw new CognitoError({ code: 'CodeMismatchException', message: 'Invalid code' });
          }}
        />
      </MessagesProvider>,
    );
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(seen).toBe('alice/123456');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', de.errors.codeMismatch);
    expect(screen.getByRole('form').getAttribute('data-state')).toBe('error');
  });
});

describe('QrCode', () => {
  it('draws an accessible SVG whose size grows with the payload, once the encoder loaded', async () => {
    const { rerender } = render(<QrCode value="otpauth://totp/a?secret=AB" label="QR" />);
    const image = screen.getByRole('img', { name: 'QR' });
    // The encoder is a dynamic import: until it arrives the image is an empty, busy square.
    expect(image.getAttribute('data-state')).toBe('loading');
    expect(image.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(image.getAttribute('data-state')).toBe('ready'));
    const small = image.getAttribute('viewBox');
    rerender(<QrCode value={`otpauth://totp/a?secret=${'A'.repeat(120)}`} label="QR" />);
    await waitFor(() => expect(image.getAttribute('viewBox')).not.toBe(small));
    expect(image.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1/);
    expect(image.hasAttribute('aria-busy')).toBe(false);
  });
});

describe('CopyButton', () => {
  it('puts the value on the clipboard and announces it', async () => {
    const user = userEvent.setup();
    render(<CopyButton value="SECRETKEY" />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('SECRETKEY');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });
});
