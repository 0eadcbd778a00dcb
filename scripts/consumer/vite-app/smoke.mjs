// Library smoke test: the emulator started through its programmatic API, a seeded user signed in
// with @cognito-kit/core (SRP), the token verified and admin calls made with @cognito-kit/server —
// every package as installed from its packed tarball.
import { startEmulatorServer } from '@cognito-kit/emulator/node';
import { createCognitoAdmin } from '@cognito-kit/server';
import { seed, signInSeededUser, user, userPoolId } from './sign-in.mjs';

const server = await startEmulatorServer({ port: 0, seed, quiet: true });
try {
  const claims = await signInSeededUser(server.url);
  console.log(`core: signed in ${claims.username} over SRP; server: access token verified`);

  const admin = createCognitoAdmin({
    userPoolId,
    endpoint: server.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const seeded = await admin.users.get(user.username);
  if (seeded.attributes.email !== user.attributes.email) {
    throw new Error(`AdminGetUser gave email ${String(seeded.attributes.email)}`);
  }
  await admin.users.create({
    username: 'bob',
    attributes: { email: 'bob@example.com' },
    messageAction: 'SUPPRESS',
  });
  const page = await admin.users.list();
  const names = page.items.map((u) => u.username).sort();
  if (names.join(',') !== 'alice,bob') throw new Error(`ListUsers gave ${names.join(',')}`);
  console.log(`server: SigV4 admin calls work (get, create, list → ${names.join(', ')})`);
} finally {
  await server.close();
}
