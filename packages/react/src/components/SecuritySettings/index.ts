export { SecuritySettings, type SecuritySettingsProps } from './SecuritySettings.js';
export { ChangePasswordForm, type ChangePasswordFormProps } from './ChangePasswordForm.js';
export { MfaPreferenceForm, type MfaPreferenceFormProps } from './MfaPreferenceForm.js';
export { DeviceList, type DeviceListProps, type DeviceListItem } from './DeviceList.js';
export { PasskeyList, type PasskeyListProps, type PasskeyListItem } from './PasskeyList.js';
export { PasskeySection } from './PasskeySection.js';
