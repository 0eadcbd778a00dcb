export { createCognitoClient, type CognitoClient, type CognitoClientOptions } from './client.js';
export { resolveEndpoint, regionFromUserPoolId, type CognitoTarget } from './endpoint.js';
export {
  createWireTransport,
  type CallOptions,
  type RetryPolicy,
  type TransportOptions,
  type WireActionShapes,
  type WireSend,
  type WireTransportOptions,
} from './transport.js';
export type * from './types.js';
