import type { FederationMessages } from '../types.js';

/** Redirect sign-in texts, ar. */
export const federationAr: FederationMessages = {
  locale: 'ar',
  continueWith: (provider) => `المتابعة باستخدام ${provider}`,
  divider: 'أو',
  providers: 'طرق أخرى لتسجيل الدخول',
  finishing: 'جارٍ إكمال تسجيل الدخول…',
  redirectRefused:
    'تعذّر إكمال تسجيل الدخول: الرابط غير صالح أو استُخدم من قبل أو فُتح في علامة تبويب أخرى. ابدأ من جديد.',
  providerRefused: 'أُلغي تسجيل الدخول أو رُفض. حاول مرة أخرى أو اختر طريقة أخرى لتسجيل الدخول.',
};
