import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, ko. */
export const federationKo: FederationMessages = {
  locale: 'ko',
  continueWith: (provider) => `${provider}(으)로 계속`,
  divider: '또는',
  providers: '다른 로그인 방법',
  finishing: '로그인을 완료하는 중…',
  redirectRefused:
    '로그인을 완료할 수 없습니다. 링크가 잘못되었거나 이미 사용되었거나 다른 탭에서 열렸습니다. 다시 시작하세요.',
  providerRefused:
    '로그인이 취소되었거나 거부되었습니다. 다시 시도하거나 다른 로그인 방법을 선택하세요.',
};
