import type { HTMLInputAutoCompleteAttribute } from 'react';

/** `autocomplete` tokens for standard Cognito attributes, so browsers can fill them. */
export const ATTRIBUTE_AUTOCOMPLETE: Readonly<Record<string, HTMLInputAutoCompleteAttribute>> = {
  email: 'email',
  phone_number: 'tel',
  name: 'name',
  given_name: 'given-name',
  family_name: 'family-name',
  middle_name: 'additional-name',
  nickname: 'nickname',
  birthdate: 'bday',
  address: 'street-address',
  website: 'url',
};

/** Input types for attributes with a matching HTML type. */
export const ATTRIBUTE_INPUT_TYPE: Readonly<Record<string, string>> = {
  email: 'email',
  phone_number: 'tel',
  birthdate: 'date',
  website: 'url',
};
