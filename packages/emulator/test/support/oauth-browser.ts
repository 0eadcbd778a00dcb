/**
 * A minimal browser for the OAuth tests: follows the emulator's redirects with its cookies,
 * stops at the first redirect that leaves the emulator (the client's callback), and fills and
 * posts the hosted pages' plain HTML forms. No JavaScript, like the pages themselves.
 */
import { expect } from 'vitest';

/** One form of a page: its method, action and every named field's value. */
export interface PageForm {
  method: string;
  action: string;
  fields: URLSearchParams;
  /** The text of the form's submit button. */
  button: string;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The forms of an HTML page (inputs with a name; their `value` attribute or empty). */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form method="(\w+)" action="([^"]*)">([\s\S]*?)<\/form>/g)].map(
    (m) => {
      const fields = new URLSearchParams();
      for (const input of (m[3] ?? '').matchAll(/<input ([^>]*)>/g)) {
        const attrs = input[1] ?? '';
        const name = /name="([^"]*)"/.exec(attrs)?.[1];
        if (name === undefined) continue;
        fields.append(
          decodeEntities(name),
          decodeEntities(/value="([^"]*)"/.exec(attrs)?.[1] ?? ''),
        );
      }
      const button = /<button[^>]*>([^<]*)<\/button>/.exec(m[3] ?? '')?.[1] ?? '';
      return {
        method: m[1] ?? 'get',
        action: decodeEntities(m[2] ?? ''),
        fields,
        button: decodeEntities(button),
      };
    },
  );
}

/** Where a navigation ended: a page of the emulator, or a redirect out of it. */
export type Landing =
  { kind: 'page'; url: string; status: number; html: string } | { kind: 'left'; location: string };

/** A browser bound to the emulator at `origin`. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq);
      const value = (pair ?? '').slice(eq + 1);
      if (/Max-Age=0/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ') };
  }

  /** Requests `url` (and follows redirects inside the emulator). */
  async open(
    url: string,
    init: { method?: string; body?: URLSearchParams } = {},
  ): Promise<Landing> {
    let target = new URL(url, this.origin).toString();
    let method = init.method ?? 'GET';
    let body: URLSearchParams | undefined = init.body;
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await fetch(target, {
        method,
        redirect: 'manual',
        headers: {
          ...this.cookieHeader(),
          ...(body && { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(body && { body: body.toString() }),
      });
      this.remember(response);
      if (response.status === 302 || response.status === 303) {
        const location = new URL(response.headers.get('location') ?? '', target).toString();
        await response.arrayBuffer();
        if (!location.startsWith(this.origin)) return { kind: 'left', location };
        target = location;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { kind: 'page', url: target, status: response.status, html: await response.text() };
    }
    throw new Error('too many redirects');
  }

  /** Submits `form` with some fields changed. */
  async submit(form: PageForm, values: Record<string, string> = {}): Promise<Landing> {
    const fields = new URLSearchParams(form.fields);
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    if (form.method.toLowerCase() === 'get') {
      return this.open(`${form.action}?${fields.toString()}`);
    }
    return this.open(form.action, { method: 'POST', body: fields });
  }
}

/** The page a landing must be. */
export function page(landing: Landing): { url: string; status: number; html: string } {
  if (landing.kind !== 'page') throw new Error(`expected a page, left for ${landing.location}`);
  return landing;
}

/** The URL a landing left the emulator for. */
export function left(landing: Landing): URL {
  if (landing.kind !== 'left') {
    throw new Error(
      `expected a redirect out, stayed on ${landing.url} (${landing.status}): ${landing.html.slice(0, 400)}`,
    );
  }
  return new URL(landing.location);
}

/** The form of a page that posts to (or gets) `action`. */
export function formTo(html: string, action: string, button?: string): PageForm {
  const form = formsOf(html).find(
    (f) => f.action === action && (button === undefined || f.button === button),
  );
  expect(form, `a form to ${action} ${button ?? ''}`).toBeDefined();
  return form as PageForm;
}

/** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: Buffer.from(digest).toString('base64url') };
}

/** Posts a form to the token (or revocation) endpoint. */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

/** `Authorization: Basic` for a client id and secret. */
export function basic(clientId: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` };
}
