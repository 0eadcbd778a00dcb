import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, zh-CN. */
export const federationZhCN: FederationMessages = {
  locale: 'zh-CN',
  continueWith: (provider) => `使用 ${provider} 继续`,
  divider: '或',
  providers: '其他登录方式',
  finishing: '正在完成登录…',
  redirectRefused: '无法完成登录：链接无效、已被使用，或在其他标签页中打开。请重新开始。',
  providerRefused: '登录已取消或被拒绝。请重试或选择其他登录方式。',
};
