export {
  checkPassword,
  passwordPolicyOf,
  policyRules,
  refusedPasswordRule,
  type PasswordPolicy,
  type PasswordRule,
} from './password-policy.js';
