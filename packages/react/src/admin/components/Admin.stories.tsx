import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { adminLoader, withAdminEnv } from '../../../test/admin-story-support.js';
import { ar } from '../../messages/locales/ar.js';
import { MessagesProvider } from '../../messages/MessagesProvider.js';
import { AdminMessagesProvider } from '../messages/AdminMessagesProvider.js';
import { adminAr } from '../messages/locales/ar.js';
import { GroupManager } from './GroupManager.js';
import { InviteUser } from './InviteUser.js';
import { UserAdmin } from './UserAdmin.js';
import { UserDetail } from './UserDetail.js';

/**
 * The admin screens on the emulator in-process with the real `createAdminHandler` (a pool of
 * 240 seeded users, so paging and search are real), signed in as the admin `boss`.
 */
const meta = {
  title: 'Admin/UserAdmin',
  component: UserAdmin,
  decorators: [withAdminEnv],
  loaders: [adminLoader()],
} satisfies Meta<typeof UserAdmin>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) =>
  within(canvasElement).getAllByRole('button', { name: /^Open / });

/** The first page, then a second one. */
export const Paging: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(20), { timeout: 5000 });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(40), { timeout: 5000 });
  },
};

/** Disabled users only. */
export const DisabledUsers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(0), { timeout: 5000 });
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'Disabled');
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(rows(canvasElement)[0]?.textContent).toBe('person-003'), {
      timeout: 5000,
    });
  },
};

/** One user's detail, with the delete confirmation open. */
export const Detail: Story = {
  render: () => <UserDetail username="person-012" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Delete user' }, { timeout: 5000 }),
    );
    await expect(canvas.getByRole('alertdialog').textContent).toContain('Delete person-012?');
  },
};

export const Invite: Story = {
  render: () => <InviteUser requiredAttributes={['name']} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByLabelText('Full name');
  },
};

export const Groups: Story = {
  render: () => <GroupManager />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('rowheader', { name: 'admins' }, { timeout: 5000 });
  },
};

/** Arabic, right to left. */
export const Arabic: Story = {
  render: () => (
    <MessagesProvider messages={ar}>
      <AdminMessagesProvider messages={adminAr}>
        <UserAdmin />
      </AdminMessagesProvider>
    </MessagesProvider>
  ),
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading', { name: 'المستخدمون' });
    await expect(heading.closest('section')?.getAttribute('dir')).toBe('rtl');
    await within(canvasElement).findByRole('button', { name: 'فتح person-000' }, { timeout: 5000 });
  },
};

/** A signed-in user outside `admins`: the handler's 403, in words. */
export const NotAnAdmin: Story = {
  loaders: [adminLoader('helper')],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(
      'You are not allowed to do this.',
      {},
      { timeout: 5000 },
    );
  },
};
