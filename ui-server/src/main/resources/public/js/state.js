// The view lives in the URL query string, so a link shows the same traces and back/forward work.
//
//   project      trace project
//   range        relative window ending now: 15m 1h 6h 24h 7d 30d (default 24h)
//   from, to     absolute window (ISO-8601 UTC); when present they win over range
//   minDuration, maxDuration   the TRACE's duration, in seconds
//   minTokens, maxTokens       tokens per trace
//   show         anomalous (default) | all | normal
//   sort, order  score|timestamp|duration|tokens, asc|desc (default score desc)
//   page, size   1-based page, rows per page (default 1, 50)
//   trace        the expanded trace's id

export const RANGES = {
  '15m': { ms: 15 * 60_000, label: 'Last 15 minutes' },
  '1h': { ms: 3_600_000, label: 'Last hour' },
  '6h': { ms: 6 * 3_600_000, label: 'Last 6 hours' },
  '24h': { ms: 24 * 3_600_000, label: 'Last 24 hours' },
  '7d': { ms: 7 * 86_400_000, label: 'Last 7 days' },
  '30d': { ms: 30 * 86_400_000, label: 'Last 30 days' },
};
export const SORTS = ['score', 'timestamp', 'duration', 'tokens'];
export const SHOWS = ['anomalous', 'all', 'normal'];
export const PAGE_SIZES = [25, 50, 100, 200];

export const DEFAULTS = Object.freeze({
  project: null, range: '24h', from: null, to: null,
  minDuration: null, maxDuration: null, minTokens: null, maxTokens: null,
  show: 'anomalous', sort: 'score', order: 'desc', page: 1, size: 50, trace: null,
});

function num(v, { int = false, min = 0 } = {}) {
  if (v === null || v === undefined || String(v).trim() === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) return null;
  return int ? Math.floor(n) : n;
}

/** A time given as ISO-8601 or epoch milliseconds; null when invalid. */
export function parseTime(v) {
  if (v === null || v === undefined || v === '') return null;
  const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

export function parseState(search) {
  const q = new URLSearchParams(search);
  const s = { ...DEFAULTS };
  s.project = q.get('project') || null;
  const from = parseTime(q.get('from'));
  const to = parseTime(q.get('to'));
  if (from !== null && to !== null) {
    s.range = null;
    s.from = from;
    s.to = to;
  } else if (RANGES[q.get('range')]) {
    s.range = q.get('range');
  }
  s.minDuration = num(q.get('minDuration'));
  s.maxDuration = num(q.get('maxDuration'));
  s.minTokens = num(q.get('minTokens'), { int: true });
  s.maxTokens = num(q.get('maxTokens'), { int: true });
  if (SHOWS.includes(q.get('show'))) s.show = q.get('show');
  if (SORTS.includes(q.get('sort'))) s.sort = q.get('sort');
  if (['asc', 'desc'].includes(q.get('order'))) s.order = q.get('order');
  s.page = num(q.get('page'), { int: true, min: 1 }) || 1;
  const size = num(q.get('size'), { int: true, min: 1 });
  if (size) s.size = Math.min(size, 1000);
  s.trace = /^[0-9A-Za-z_-]{1,64}$/.test(q.get('trace') || '') ? q.get('trace') : null;
  return s;
}

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The query string of a state (defaults left out, project always in). */
export function serializeState(s) {
  const q = new URLSearchParams();
  if (s.project) q.set('project', s.project);
  if (s.range === null && s.from !== null && s.to !== null) {
    q.set('from', iso(s.from));
    q.set('to', iso(s.to));
  } else if (s.range && s.range !== DEFAULTS.range) {
    q.set('range', s.range);
  }
  for (const k of ['minDuration', 'maxDuration', 'minTokens', 'maxTokens']) {
    if (s[k] !== null && s[k] !== undefined) q.set(k, String(s[k]));
  }
  if (s.show !== DEFAULTS.show) q.set('show', s.show);
  if (s.sort !== DEFAULTS.sort || s.order !== DEFAULTS.order) {
    q.set('sort', s.sort);
    q.set('order', s.order);
  }
  if (s.page !== 1) q.set('page', String(s.page));
  if (s.size !== DEFAULTS.size) q.set('size', String(s.size));
  if (s.trace) q.set('trace', s.trace);
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** The absolute window a state asks for, at time `now`. */
export function timeWindow(s, now = Date.now()) {
  if (s.range === null && s.from !== null && s.to !== null) return { from: s.from, to: s.to };
  const span = RANGES[s.range || DEFAULTS.range].ms;
  return { from: now - span, to: now };
}

/** The /api/traces parameters of a state over a window. */
export function apiParams(s, win) {
  const ms = (sec) => (sec === null ? null : Math.round(sec * 1000));
  return {
    project: s.project,
    from: iso(win.from),
    to: iso(win.to),
    minDurationMs: ms(s.minDuration),
    maxDurationMs: ms(s.maxDuration),
    minTokens: s.minTokens,
    maxTokens: s.maxTokens,
    anomalous: s.show === 'anomalous' ? 'true' : s.show === 'normal' ? 'false' : 'all',
    sort: s.sort,
    order: s.order,
    limit: s.size,
    offset: (s.page - 1) * s.size,
  };
}

/** A key of what the trace list depends on (everything but the expanded trace). */
export function listKey(s) {
  return serializeState({ ...s, trace: null });
}
