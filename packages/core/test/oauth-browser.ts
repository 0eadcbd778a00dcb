// A tiny browser for the redirect sign-in tests: follows the emulator's redirects with its
// cookies, stops where a redirect leaves the emulator (the app's callback), and reads and posts
// the hosted page's plain HTML forms, as a browser without JavaScript does.

/** One form of a page: method, action and every named input's value. */
export interface PageForm {
  method: string;
  action: string;
  fields: URLSearchParams;
}

/** Where a navigation ended. */
export type Landing =
  { kind: 'page'; url: string; status: number; html: string } | { kind: 'left'; location: string };

const unescape = (t: string) =>
  t
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The forms of a page. */
export function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form method="(\w+)" action="([^"]*)">([\s\S]*?)<\/form>/g)].map(
    (m) => {
      const fields = new URLSearchParams();
      for (const input of (m[3] ?? '').matchAll(/<input ([^>]*)>/g)) {
        const name = /name="([^"]*)"/.exec(input[1] ?? '')?.[1];
        if (name !== undefined) {
          fields.append(
            unescape(name),
            unescape(/value="([^"]*)"/.exec(input[1] ?? '')?.[1] ?? ''),
          );
        }
      }
      return { method: m[1] ?? 'get', action: unescape(m[2] ?? ''), fields };
    },
  );
}

export class TestBrowser {
  readonly cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  /** Opens `url`, following redirects inside the emulator. */
  async open(url: string, body?: URLSearchParams): Promise<Landing> {
    let target = new URL(url, this.origin).href;
    let form = body;
    for (let hops = 0; hops < 10; hops += 1) {
      const headers: Record<string, string> = {};
      if (this.cookies.size > 0) {
        headers['cookie'] = [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
      }
      if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(target, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers,
        ...(form && { body: form.toString() }),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const eq = pair.indexOf('=');
        const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
        if (value === '' || /Max-Age=0/i.test(cookie)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      if (response.status === 302 || response.status === 303) {
        await response.arrayBuffer();
        const location = new URL(response.headers.get('location') ?? '', target).href;
        if (!location.startsWith(this.origin)) return { kind: 'left', location };
        target = location;
        form = undefined;
        continue;
      }
      return { kind: 'page', url: target, status: response.status, html: await response.text() };
    }
    throw new Error('too many redirects');
  }

  /** Submits the page's form to `action` with some fields set. */
  submit(html: string, action: string, values: Record<string, string>): Promise<Landing> {
    const form = formsOf(html).find((f) => f.action === action);
    if (!form) throw new Error(`no form to ${action} on the page`);
    const fields = new URLSearchParams(form.fields);
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    return form.method.toLowerCase() === 'get'
      ? this.open(`${form.action}?${fields.toString()}`)
      : this.open(form.action, fields);
  }
}

/** The page of a landing (throws when the navigation left the emulator). */
export function pageOf(landing: Landing): { url: string; status: number; html: string } {
  if (landing.kind !== 'page') throw new Error(`expected a page, left for ${landing.location}`);
  return landing;
}

/** The URL a landing left for (throws when it stayed on a page). */
export function leftFor(landing: Landing): string {
  if (landing.kind !== 'left') {
    throw new Error(`stayed on ${landing.url} (${landing.status}): ${landing.html.slice(0, 300)}`);
  }
  return landing.location;
}
