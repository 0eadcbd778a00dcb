import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, ja. */
export const federationJa: FederationMessages = {
  locale: 'ja',
  continueWith: (provider) => `${provider} で続行`,
  divider: 'または',
  providers: 'その他のサインイン方法',
  finishing: 'サインインを完了しています…',
  redirectRefused:
    'サインインを完了できませんでした。リンクが無効か、既に使用されたか、別のタブで開かれています。最初からやり直してください。',
  providerRefused:
    'サインインがキャンセルまたは拒否されました。もう一度試すか、別の方法でサインインしてください。',
};
