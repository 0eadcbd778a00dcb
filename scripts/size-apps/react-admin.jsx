// App 4: app 2 plus the admin screens of @cognito-kit/react/admin (UserAdmin, GroupManager)
// behind RequireAuth's group gate.
import { CognitoProvider, RequireAuth, SignIn } from '@cognito-kit/react';
import { GroupManager, UserAdmin } from '@cognito-kit/react/admin';
import { createRoot } from 'react-dom/client';

const config = { userPoolId: 'eu-west-1_Example01', clientId: 'exampleclient01' };

createRoot(document.getElementById('root')).render(
  <CognitoProvider config={config}>
    <SignIn>
      <RequireAuth groups={['admins']}>
        <UserAdmin />
        <GroupManager />
      </RequireAuth>
    </SignIn>
  </CognitoProvider>,
);
