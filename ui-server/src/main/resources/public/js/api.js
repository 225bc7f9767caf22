// The JSON API. Errors carry the server's own message ({"error": "..."}) and the HTTP status.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function getJson(path, params, signal) {
  const url = withParams(path, params);
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(`The server could not be reached (${e.message})`, 0);
  }
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' && body.error
      ? body.error
      : `HTTP ${res.status} ${res.statusText || ''}`.trim();
    throw new ApiError(msg, res.status);
  }
  if (body === null) throw new ApiError('The server sent a response that is not JSON', res.status);
  return body;
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
