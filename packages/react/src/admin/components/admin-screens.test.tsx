/**
 * The admin screens as a support person uses them — keyboard and mouse through user-event —
 * against the real handler and the emulator (test/admin-env.tsx), each state checked with axe.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.js';
import {
  ADMIN_POOL,
  AdminProviders,
  createAdminEnv,
  person,
  signInAs,
} from '../../../test/admin-env.js';
import { RequireAuth } from '../../components/RequireAuth/RequireAuth.js';
import { GroupManager } from './GroupManager.js';
import { UserAdmin } from './UserAdmin.js';

async function renderAs(username: string, ui: React.ReactNode) {
  const env = createAdminEnv();
  await signInAs(env, username);
  const view = render(<AdminProviders env={env}>{ui}</AdminProviders>);
  return { env, view, user: userEvent.setup() };
}

const rowButtons = () =>
  within(screen.getByRole('table')).getAllByRole('button', { name: /^Open / });

describe('UserAdmin', () => {
  it('finds a user by e-mail prefix, disables them after a named confirmation, and returns', async () => {
    const { env, view, user } = await renderAs('boss', <UserAdmin />);
    await waitFor(() => expect(rowButtons()).toHaveLength(20));
    await expectNoAxeViolations(view.container);

    // Search: e-mail is the default field.
    await user.type(screen.getByLabelText('Starts with'), 'cat.10');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(rowButtons().map((b) => b.textContent)).toEqual([
        person(10),
        person(102),
        person(106),
      ]),
    );
    await user.click(screen.getByRole('button', { name: `Open ${person(102)}` }));

    // The detail opens with its heading focused.
    const heading = await screen.findByRole('heading', { name: person(102), level: 2 });
    expect(document.activeElement).toBe(heading);
    await screen.findByDisplayValue('cat.102@people.example');
    await expectNoAxeViolations(view.container);

    // Disable asks first, naming the user; Escape cancels and focus returns to the button.
    const disable = screen.getByRole('button', { name: 'Disable' });
    await user.click(disable);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain(`Disable ${person(102)}?`);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations(view.container);
    // Tab stays inside the dialog.
    await user.tab();
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(disable);
    expect(env.emulator.api.getUser(ADMIN_POOL, person(102))?.enabled).toBe(true);

    await user.click(disable);
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disable' }),
    );
    await screen.findByText(`Done: ${person(102)} updated.`);
    expect(env.emulator.api.getUser(ADMIN_POOL, person(102))?.enabled).toBe(false);
    await screen.findByRole('button', { name: 'Enable' });
    expect(env.audit.at(-1)).toMatchObject({ action: 'disableUser', result: 'ok' });

    // Back to the list: focus returns to the row the detail was opened from.
    await user.click(screen.getByRole('button', { name: 'Back to users' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: `Open ${person(102)}` }),
      ),
    );
    const row = screen.getByRole('button', { name: `Open ${person(102)}` }).closest('tr');
    expect(row?.textContent).toContain('Disabled');
  });

  it('pages with "Load more" and filters by status', async () => {
    const { view, user } = await renderAs('boss', <UserAdmin pageSize={25} />);
    await waitFor(() => expect(rowButtons()).toHaveLength(25));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rowButtons()).toHaveLength(50));
    await user.selectOptions(screen.getByLabelText('Status'), 'Must change password');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(rowButtons()[0]?.textContent).toBe(person(5)));
    for (const button of rowButtons()) {
      expect(button.closest('tr')?.textContent).toContain('Must change password');
    }
    await expectNoAxeViolations(view.container);
  });

  it('invites a user by e-mail (the outbox gets the invitation)', async () => {
    const { env, view, user } = await renderAs('boss', <UserAdmin />);
    await user.click(screen.getByRole('button', { name: 'Invite a user' }));
    const form = screen.getByRole('heading', { name: 'Invite a user' }).closest('section')!;
    await user.type(within(form).getByLabelText('Username'), 'newbie');
    await user.type(within(form).getByLabelText('Email'), 'newbie@corp.example');
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    await screen.findByText('newbie was invited.');
    expect(env.emulator.api.getUser(ADMIN_POOL, 'newbie')?.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(env.emulator.api.outbox.list({ username: 'newbie' })).toHaveLength(1);
    await expectNoAxeViolations(view.container);
    // A second time: the handler's refusal in words.
    await user.click(within(form).getByRole('button', { name: 'Invite' }));
    await within(form).findByText('A user with this name or email already exists.');
  });

  it('edits attributes (only the changed ones are sent)', async () => {
    const { env, user } = await renderAs('boss', <UserAdmin />);
    await user.click(await screen.findByRole('button', { name: `Open ${person(4)}` }));
    const name = await screen.findByLabelText('Full name');
    expect(screen.queryByLabelText('sub')).toBeNull();
    await user.clear(name);
    await user.type(name, 'Renamed Person');
    await user.click(screen.getByRole('button', { name: 'Save attributes' }));
    await screen.findByText(`Done: ${person(4)} updated.`);
    expect(env.emulator.api.getUser(ADMIN_POOL, person(4))?.attributes['name']).toBe(
      'Renamed Person',
    );
    expect(env.audit.at(-1)).toMatchObject({ action: 'updateAttributes', result: 'ok' });
  });

  it('adds a user to a group and removes them again', async () => {
    const { env, user } = await renderAs('boss', <UserAdmin />);
    await user.click(await screen.findByRole('button', { name: `Open ${person(1)}` }));
    await screen.findByText('In no group.');
    await user.selectOptions(screen.getByLabelText('Group'), 'editors');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    // Shown at once (optimistic), then confirmed by the handler.
    await screen.findByRole('button', { name: 'Remove from editors' });
    await screen.findByText(`Done: ${person(1)} updated.`);
    expect(env.emulator.api.getUser(ADMIN_POOL, person(1))?.groups).toEqual(['editors']);
    await user.click(screen.getByRole('button', { name: 'Remove from editors' }));
    await waitFor(() =>
      expect(env.emulator.api.getUser(ADMIN_POOL, person(1))?.groups).toEqual([]),
    );
    await screen.findByText('In no group.');
  });

  it('deletes a user after a confirmation naming them; the list says so and focus returns', async () => {
    const { env, user } = await renderAs('boss', <UserAdmin />);
    await user.click(await screen.findByRole('button', { name: `Open ${person(2)}` }));
    await user.click(await screen.findByRole('button', { name: 'Delete user' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain(`Delete ${person(2)}? This cannot be undone.`);
    await user.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    await screen.findByText(`${person(2)} was deleted.`);
    expect(env.emulator.api.getUser(ADMIN_POOL, person(2))).toBeUndefined();
    expect(screen.queryByRole('button', { name: `Open ${person(2)}` })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Users' })),
    );
  });

  it('an admin who tries to disable themselves is told why', async () => {
    const { env, user } = await renderAs('boss', <UserAdmin />);
    await user.type(screen.getByLabelText('Starts with'), 'boss');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: 'Open boss' }));
    await user.click(await screen.findByRole('button', { name: 'Disable' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disable' }),
    );
    await screen.findByText('You cannot do this to your own account.');
    expect(env.emulator.api.getUser(ADMIN_POOL, 'boss')?.enabled).toBe(true);
  });

  it('a non-admin sees the refusal, not data', async () => {
    await renderAs('helper', <UserAdmin />);
    await screen.findByText('You are not allowed to do this.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('GroupManager', () => {
  it('creates a group and deletes it after a confirmation naming it', async () => {
    const { env, view, user } = await renderAs('boss', <GroupManager />);
    await screen.findByRole('rowheader', { name: 'editors' });
    await user.type(screen.getByLabelText('Group name'), 'support');
    await user.type(screen.getByLabelText('Description'), 'Helpdesk');
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    await screen.findByRole('rowheader', { name: 'support' });
    await expectNoAxeViolations(view.container);
    await user.click(screen.getByRole('button', { name: 'Delete support' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Delete the group support?');
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete support' }),
    );
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'support' })).toBeNull());
    expect(env.audit.map((e) => `${e.action}:${e.result}`)).toEqual([
      'createGroup:ok',
      'deleteGroup:ok',
    ]);
  });
});

describe('RequireAuth groups', () => {
  it('shows its children to members only', async () => {
    const gate = (
      <RequireAuth groups={['admins']} forbidden={<p>Admins only.</p>}>
        <p>Admin area</p>
      </RequireAuth>
    );
    await renderAs('boss', gate);
    await screen.findByText('Admin area');
    cleanupAll();
    await renderAs('helper', gate);
    await screen.findByText('Admins only.');
    expect(screen.queryByText('Admin area')).toBeNull();
  });
});

function cleanupAll() {
  document.body.innerHTML = '';
}
