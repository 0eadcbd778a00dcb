import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { USERS } from '../../test/emulator-env.js';
import { emulatorLoader, expectAlert, withEmulator } from '../../test/story-support.js';
import { SignIn } from '../components/SignIn/SignIn.js';
import { de } from './de.js';
import { ar } from './locales/ar.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { it } from './locales/it.js';
import { ja } from './locales/ja.js';
import { ko } from './locales/ko.js';
import { nl } from './locales/nl.js';
import { pl } from './locales/pl.js';
import { ptBR } from './locales/pt-BR.js';
import { sv } from './locales/sv.js';
import { zhCN } from './locales/zh-CN.js';
import { MessagesProvider } from './MessagesProvider.js';
import type { Messages } from './types.js';

const meta = {
  title: 'Languages/SignIn',
  component: SignIn,
  loaders: [emulatorLoader()],
  decorators: [withEmulator],
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The sign-in form in `messages`, after a wrong password: labels, button and the announced
 * error all come from the locale, the screen carries its `lang` and `dir`, and axe checks it.
 */
function wrongPasswordIn(messages: Messages): Story {
  return {
    args: { onForgotPassword: () => {}, onSignUp: () => {} },
    decorators: [
      (Story) => (
        <MessagesProvider messages={messages}>
          <Story />
        </MessagesProvider>
      ),
    ],
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      const user = userEvent.setup();
      await user.type(await canvas.findByLabelText(messages.fields.username), USERS.plain);
      await user.type(canvas.getByLabelText(messages.fields.password), 'not-the-password');
      await user.click(canvas.getByRole('button', { name: messages.actions.signIn }));
      await expectAlert(canvasElement, messages.errors.incorrectCredentials);
      const screen = canvas
        .getByRole('heading', { name: messages.signIn.title })
        .closest('section');
      await expect(screen?.getAttribute('lang')).toBe(messages.locale);
      await expect(screen?.getAttribute('dir')).toBe(messages.direction);
    },
  };
}

export const German = wrongPasswordIn(de);
export const Spanish = wrongPasswordIn(es);
export const French = wrongPasswordIn(fr);
export const Italian = wrongPasswordIn(it);
export const BrazilianPortuguese = wrongPasswordIn(ptBR);
export const Dutch = wrongPasswordIn(nl);
export const Swedish = wrongPasswordIn(sv);
export const Polish = wrongPasswordIn(pl);
export const Japanese = wrongPasswordIn(ja);
export const SimplifiedChinese = wrongPasswordIn(zhCN);
export const Korean = wrongPasswordIn(ko);
/** Right to left: the screen says `dir="rtl"`, and the stylesheet uses logical properties only. */
export const ArabicRightToLeft = wrongPasswordIn(ar);
