import type { ReactNode } from 'react';
import { Providers } from './providers';
import '@cognito-kit/react/styles.css';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
