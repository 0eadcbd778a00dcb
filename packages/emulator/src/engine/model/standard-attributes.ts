/**
 * Cognito's standard user attributes (OpenID Connect claims plus `sub` and the `*_verified`
 * flags), in the order DescribeUserPool lists them in `SchemaAttributes`.
 */

/** Every standard attribute, in Cognito's schema order. */
export const STANDARD_ATTRIBUTES = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
] as const;

/** Names of Cognito's standard attributes. */
export const STANDARD_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(STANDARD_ATTRIBUTES);
