export { TotpSetup, type TotpSetupProps } from './TotpSetup.js';
export { TotpSetupView, type TotpSetupViewProps } from './TotpSetupView.js';
