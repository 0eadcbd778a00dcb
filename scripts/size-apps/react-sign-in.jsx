// App 2: React with the prebuilt sign-in screen and the signed-in user's name.
import { renderSignInApp } from './sign-in-app.jsx';

renderSignInApp({ userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' });
