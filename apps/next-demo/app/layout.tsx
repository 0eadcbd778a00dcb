import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { cognitoSettings } from '../lib/settings';
import { Providers } from './providers';
import '@cognito-kit/react/styles.css';
import './app.css';

export const metadata = {
  title: 'cognito-kit on Next.js',
  // No favicon request (a 404 in the console otherwise).
  icons: { icon: 'data:,' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the settings come from the server's environment at run time.
  await connection();
  return (
    <html lang="en">
      <body>
        {/* Plain values cross to the client; the config and its storage are made there. */}
        <Providers settings={cognitoSettings()}>{children}</Providers>
      </body>
    </html>
  );
}
