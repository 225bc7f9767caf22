// The JSON API. Errors carry the server's own message ({"error": "..."}) and the HTTP status.
// A 401 (not signed in, or the session ended) also goes to the handler set with
// setUnauthorizedHandler, so the page can show its sign-in form wherever the call came from.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = null;
// Bumped at every sign-in and sign-out: a 401 to a request sent before it is stale news.
let session = 0;

/** fn(message) runs when a call answers 401 (not for the sign-in call itself). */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

async function request(method, path, params, { signal, body, authHook = true } = {}) {
  const url = withParams(path, params);
  const sentIn = session;
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, {
      method, signal, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`The server could not be reached (${e.message})`, 0);
  }
  const text = await res.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = null;
  }
  if (!res.ok) {
    const msg = parsed && typeof parsed.error === 'string' && parsed.error
      ? parsed.error
      : `HTTP ${res.status} ${res.statusText || ''}`.trim();
    if (res.status === 401 && authHook && onUnauthorized && sentIn === session) onUnauthorized(msg);
    throw new ApiError(msg, res.status);
  }
  if (parsed === null) throw new ApiError('The server sent a response that is not JSON', res.status);
  return parsed;
}

function getJson(path, params, signal) {
  return request('GET', path, params, { signal });
}

export function withParams(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function fetchProjects(signal) {
  return getJson('/api/projects', {}, signal);
}

export function fetchTraces(params, signal) {
  return getJson('/api/traces', params, signal);
}

export function fetchTrace(traceId, project, ts, signal) {
  return getJson(`/api/traces/${encodeURIComponent(traceId)}`, { project, ts }, signal);
}

/** URL of the whole trace as a JSON file (the server sends it as an attachment). */
export function traceJsonUrl(traceId, project, ts) {
  return withParams(`/api/traces/${encodeURIComponent(traceId)}/json`, { project, ts });
}

/** The JSON text of the whole trace, pretty-printed for pasting. */
export async function fetchTraceJsonText(traceId, project, ts) {
  const body = await getJson(`/api/traces/${encodeURIComponent(traceId)}/json`, { project, ts });
  return JSON.stringify(body, null, 2);
}

/** Who is signed in: {user, keyId, projects, authEnabled}; with authentication off, anonymous. */
export function fetchMe(signal) {
  return getJson('/api/me', {}, signal);
}

/** Signs in with a user name and license key; answers like fetchMe (401: wrong name or key). */
export async function signIn(user, key) {
  const me = await request('POST', '/api/login', {}, { body: { user, key }, authHook: false });
  session += 1;
  return me;
}

export async function signOut() {
  await request('POST', '/api/logout', {}, { authHook: false });
  session += 1;
}

/** A generated configuration: {kind, title, fileName, language, content}. */
export function fetchIngestConfig(kind, project, signal) {
  return getJson('/api/ingest/config', { kind, project }, signal);
}
