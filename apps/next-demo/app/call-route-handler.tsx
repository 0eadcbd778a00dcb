'use client';
import { useState } from 'react';

/** Calls the protected route handler; the browser sends the session cookies with it. */
export function CallRouteHandler() {
  const [answer, setAnswer] = useState<string | null>(null);
  async function call() {
    const response = await fetch('/api/me');
    const body = (await response.json()) as { username?: string; error?: string };
    setAnswer(
      response.ok ? `The route handler says: hello, ${body.username}` : `Refused: ${body.error}`,
    );
  }
  return (
    <section aria-labelledby="route-handler">
      <h2 id="route-handler">Route handler</h2>
      <button type="button" className="ck-button" onClick={() => void call()}>
        Call the route handler
      </button>
      <p data-testid="route-answer" aria-live="polite">
        {answer}
      </p>
    </section>
  );
}
