// api.js - the one fetch wrapper of the UI: JSON in and out, problem+json errors, the CSRF
// header on unsafe methods, If-Match for versioned updates. Pages never call fetch() directly.
// The session itself is the HttpOnly __Host-sid cookie, which this code never sees; the CSRF
// token comes from POST /api/v1/session or GET /api/v1/me and is kept in memory only.

const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
let onUnauthorized = null;

/** Remember (or forget, with null) the session's CSRF token. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/** Register what to do when a logged-in call answers 401 (the session ended). */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/** An error answer from the API: `status`, and the problem's `code`, `detail`, `field`. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(p.detail || p.title || defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = p.code || null;
    this.title = p.title || null;
    this.detail = p.detail || p.title || defaultMessage(status);
    this.field = p.field || null;
    this.retryAfter = retryAfter ? Number(retryAfter) : null;
  }
}

function defaultMessage(status) {
  if (status === 0) return 'Could not reach the server. Check the connection and try again.';
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'You do not have the right to do this.';
  if (status === 404) return 'Not found.';
  if (status === 409) return 'This record was changed by someone else. Reload and try again.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'The server could not complete the request. Try again shortly.';
  return `The request failed (${status}).`;
}

/**
 * Call the API. `path` is below /api/v1 (e.g. '/users'). Options: `body` (sent as JSON),
 * `ifMatch` (a record version), `auth: false` to not treat a 401 as an ended session.
 * Resolves to the parsed JSON answer (null for 204); rejects with ApiError.
 */
export async function api(method, path, { body, ifMatch, auth = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;

  let res;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, null);
  }

  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (res.status !== 204 && /json/i.test(type)) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data, res.headers.get('Retry-After'));
    if (res.status === 401 && auth && onUnauthorized) onUnauthorized(err);
    throw err;
  }
  return data;
}

export const get = (path, opts) => api('GET', path, opts);
export const post = (path, body, opts) => api('POST', path, { ...opts, body });
export const put = (path, body, opts) => api('PUT', path, { ...opts, body });
export const patch = (path, body, opts) => api('PATCH', path, { ...opts, body });
export const del = (path, opts) => api('DELETE', path, opts);

/** Fetch every page of a list endpoint ({items, next_cursor}), up to `max` items. */
export async function getAll(path, max = 2000) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...(page.items || []));
    cursor = page.next_cursor || null;
  } while (cursor && items.length < max);
  return items;
}
