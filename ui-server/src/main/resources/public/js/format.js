// Number, duration, size and time formatting. One place, so the whole page reads the same.

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDec = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const DASH = '\u2014';

export function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 1234 -> "1,234"; null -> "—". */
export function formatInt(v) {
  return isNum(v) ? intFmt.format(Math.round(v)) : DASH;
}

/** Milliseconds in the unit that reads best: 0.42 ms, 850 ms, 1.2 s, 2 m 05 s, 1 h 02 m. */
export function formatDuration(ms) {
  if (!isNum(ms)) return DASH;
  const a = Math.abs(ms);
  if (a < 10) return `${trim(ms.toFixed(a < 1 ? 2 : 1))} ms`;
  if (a < 1000) return `${Math.round(ms)} ms`;
  if (a < 60_000) return `${trim((ms / 1000).toFixed(a < 10_000 ? 2 : 1))} s`;
  if (a < 3_600_000) {
    const m = Math.floor(a / 60_000);
    const s = Math.round((a % 60_000) / 1000);
    return `${m} m ${String(s).padStart(2, '0')} s`;
  }
  const hr = Math.floor(a / 3_600_000);
  const m = Math.round((a % 3_600_000) / 60_000);
  return `${hr} h ${String(m).padStart(2, '0')} m`;
}

function trim(s) {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Bytes in SI units: 512 B, 3.4 KB, 1.2 MB (1 KB = 1,000 B). */
export function formatBytes(b) {
  if (!isNum(b)) return DASH;
  if (b < 1000) return `${intFmt.format(b)} B`;
  if (b < 1e6) return `${oneDec.format(b / 1e3)} KB`;
  if (b < 1e9) return `${oneDec.format(b / 1e6)} MB`;
  return `${oneDec.format(b / 1e9)} GB`;
}

export function formatScore(s) {
  return isNum(s) ? oneDec.format(s) : DASH;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** An instant in the browser's time zone: 2026-11-25 14:03:22.123. */
export function formatTimestamp(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The browser's time zone, for column headers: "Europe/Berlin, UTC+01:00". */
export function timeZoneLabel(at = new Date()) {
  let name = '';
  try {
    name = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) { /* old browsers */ }
  const off = -at.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const utc = `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return name && name !== 'UTC' ? `${name}, ${utc}` : utc;
}

/** Value for <input type="datetime-local" step="1"> in the browser's zone. */
export function toLocalInput(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Parses a datetime-local value as local time; NaN when empty or invalid. */
export function fromLocalInput(value) {
  if (!value) return NaN;
  // "YYYY-MM-DDTHH:MM[:SS]" without offset is local time in ECMAScript.
  return new Date(value).getTime();
}

/** "3 min ago", for the project list. */
export function formatAgo(iso, now = Date.now()) {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}
