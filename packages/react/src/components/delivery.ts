/** Where Cognito sent a code (`CodeDeliveryDetails`, camel-cased). */
export interface CodeDelivery {
  readonly destination: string;
  readonly medium: 'EMAIL' | 'SMS';
}
