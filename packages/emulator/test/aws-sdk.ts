/**
 * `@aws-sdk/client-cognito-identity-provider` as one namespace object, the independent client the
 * conformance tests drive the emulator with.
 */
export * as awsSdk from '@aws-sdk/client-cognito-identity-provider';
