/**
 * The demo's static files: a file of the build folder when the path names one, the app's
 * index.html for client-side routes (paths without an extension), 404 otherwise. Nothing
 * outside the folder is ever read, however the path is encoded.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const notFound = () => new Response('not found', { status: 404 });
const badPath = () => new Response('bad path', { status: 400 });

/**
 * The file a URL path names inside `root`, or null when it would be outside (`..` segments,
 * however encoded). `root` must be absolute. Decodes once, as the path was encoded once: a
 * double-encoded `%252e` stays the literal name `%2e`.
 * @param {string} root
 * @param {string} decodedPath
 * @returns {string | null}
 */
export function fileInside(root, decodedPath) {
  const file = resolve(root, `.${decodedPath.startsWith('/') ? '' : '/'}${decodedPath}`);
  const rel = relative(root, file);
  // `relative` gives '' for the root itself and starts with '..' (or is absolute, on another
  // Windows drive) for anything outside; a prefix test without a separator would accept the
  // sibling folder `<root>-private`.
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

/**
 * Answers a GET/HEAD of `pathname` (still percent-encoded, as in the URL) from `root`.
 * @param {string} root absolute build folder
 * @param {string} pathname
 * @returns {Promise<Response>}
 */
export async function serveStatic(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return badPath(); // malformed percent-encoding
  }
  // A backslash is a separator on Windows and never part of a file name the build makes; a
  // NUL byte is refused by the file system. Neither has a place in a request for the demo.
  if (decoded.includes('\\') || decoded.includes('\0')) return badPath();
  const file = extname(decoded) ? fileInside(root, decoded) : join(root, 'index.html');
  if (file === null) return notFound();
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    return notFound();
  }
}
