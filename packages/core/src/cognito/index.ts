export { createCognitoClient, type CognitoClient, type CognitoClientOptions } from './client.js';
export { resolveEndpoint, regionFromUserPoolId, type CognitoTarget } from './endpoint.js';
export type { CallOptions, RetryPolicy } from './transport.js';
export type * from './types.js';
