// The traces page: project picker, filters, totals, the trace table, and spans on demand.
// The list never loads span bodies; a trace's spans are fetched when its row is expanded.
import { $, h, clear } from './dom.js';
import {
  ApiError, fetchMe, fetchProjects, fetchTraces, fetchTrace, fetchTraceJsonText, setUnauthorizedHandler, traceJsonUrl,
} from './api.js';
import {
  DEFAULTS, PAGE_SIZES, RANGES, apiParams, listKey, parseState, serializeState, timeWindow,
} from './state.js';
import {
  DASH, formatBytes, formatDuration, formatInt, formatTimestamp, fromLocalInput, isNum,
  timeZoneLabel, toLocalInput,
} from './format.js';
import { ANOMALY_TYPES, TYPE_ORDER, anomalyIcon, anomalyIcons, icon } from './icons.js';
import { Combobox } from './combobox.js';
import { renderTraceDetail, scoreBadge } from './waterfall.js';
import { writeClipboard } from './clipboard.js';
import { Auth } from './auth.js';
import { ConfigDialog } from './configdialog.js';

const el = {
  results: $('#results'),
  status: $('#status'),
  rows: $('#trace-rows'),
  form: $('#filters'),
  preset: $('#range-preset'),
  from: $('#from'),
  to: $('#to'),
  minDuration: $('#min-duration'),
  maxDuration: $('#max-duration'),
  minTokens: $('#min-tokens'),
  maxTokens: $('#max-tokens'),
  filterError: $('#filter-error'),
  pageSize: $('#page-size'),
  pageRange: $('#page-range'),
  prev: $('#prev-page'),
  next: $('#next-page'),
  toast: $('#toast'),
};
const COLS = 10;

let state = parseState(window.location.search);
let projects = [];
let loaded = { key: null, data: null, win: null };
let listAbort = null;
let loadSeq = 0;
let loadCount = 0; // finished list loads, for tests and tools: #results[data-loads]
const details = new Map(); // project|traceId -> Promise of the trace with spans

const combo = new Combobox($('#project-input'), $('#project-list'), $('.combo-toggle'), {
  onSelect: (name) => {
    if (name !== state.project) navigate({ project: name });
  },
});

const configDialog = new ConfigDialog();

const auth = new Auth({
  onSignedIn: () => loadProjects(),
  onSignedOut: ({ explicit }) => forgetData(explicit),
  onSignOutFailed: (e) => toast(`Could not sign out: ${e.message}`, true),
});
setUnauthorizedHandler(() => auth.required());

// ---------------------------------------------------------------- navigation

function urlOf(s) {
  return `${window.location.pathname}${serializeState(s)}`;
}

/** Changes the view: a new history entry, then the page follows the state. */
function navigate(patch, { keepPage = false, keepTrace = false } = {}) {
  const next = { ...state, ...patch };
  if (!keepPage && !('page' in patch)) next.page = 1;
  if (!keepTrace && !('trace' in patch)) next.trace = null;
  state = next;
  window.history.pushState(null, '', urlOf(state));
  apply();
}

function apply(force = false) {
  syncControls();
  if (force || listKey(state) !== loaded.key) loadList();
  else syncExpansion();
}

window.addEventListener('popstate', () => {
  state = parseState(window.location.search);
  if (auth.mode === 'out' || auth.mode === 'unknown') return; // shown once signed in
  if (!state.project && projects.length) state.project = projects[0].name;
  apply();
});

// ---------------------------------------------------------------- loading

/** First, who is this (and is authentication on at all): the sign-in form, or the projects. */
async function start() {
  setResultState('loading', 'Loading projects\u2026');
  let me;
  try {
    me = await fetchMe();
  } catch (e) {
    if (e.status === 401) return; // the sign-in form is shown
    showError(`Could not reach the server: ${e.message}`, start);
    return;
  }
  auth.signedIn(me);
  loadProjects();
}

async function loadProjects() {
  setResultState('loading', 'Loading projects\u2026');
  try {
    projects = await fetchProjects();
  } catch (e) {
    if (e.status === 401) return; // the sign-in form is shown
    showError(`Could not load the trace projects: ${e.message}`, loadProjects);
    return;
  }
  combo.setOptions(projects);
  if (!projects.length) {
    clearSummary();
    clear(el.rows);
    setResultState('empty');
    el.status.append(h('p', { class: 'status-title' }, 'No trace projects yet'),
      h('p', null, 'No traces have been written to the tables. Send OTLP spans to the pipeline, then come back.'),
      h('p', { class: 'status-actions' }, h('button', {
        type: 'button', class: 'btn', id: 'send-traces-empty', 'aria-haspopup': 'dialog',
        on: { click: (e) => configDialog.open(null, e.currentTarget) },
      }, icon('code', 14), 'Generate a config to send traces')));
    return;
  }
  if (!state.project) {
    state.project = projects[0].name;
    window.history.replaceState(null, '', urlOf(state));
  }
  apply(true);
}

async function loadList() {
  const seq = ++loadSeq;
  if (listAbort) listAbort.abort();
  listAbort = new AbortController();
  const key = listKey(state);
  const win = timeWindow(state);
  showWindow(win);
  setResultState('loading', loaded.data ? null : 'Loading traces\u2026');
  document.title = `LLM Traces \u00b7 ${state.project}`;
  let data;
  try {
    data = await fetchTraces(apiParams(state, win), listAbort.signal);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== loadSeq) return;
    loaded = { key: null, data: null, win };
    clearSummary();
    clear(el.rows);
    renderPager(0, 0);
    showError(`Could not load traces: ${e.message}`, () => apply(true));
    countLoad();
    return;
  }
  if (seq !== loadSeq) return;
  loaded = { key, data, win };
  const traces = Array.isArray(data.traces) ? data.traces : [];
  renderSummary(data.summary || {});
  renderRows(traces);
  renderPager(isNum(data.total) ? data.total : traces.length, traces.length);
  if (traces.length === 0) showEmpty(data.total || 0);
  else setResultState('ready');
  syncExpansion();
  countLoad();
}

function countLoad() {
  loadCount += 1;
  el.results.dataset.loads = String(loadCount);
}

/**
 * Signed out, or the session ended: nothing of the user's data stays on the page (another user
 * may sign in next). The view in the URL stays when the session ended, so signing in again
 * returns to it; "Sign out" starts afresh.
 */
function forgetData(explicit) {
  loadSeq += 1; // answers still on their way are dropped
  if (listAbort) listAbort.abort();
  configDialog.reset();
  projects = [];
  combo.setOptions([]);
  combo.close(false);
  details.clear();
  loaded = { key: null, data: null, win: null };
  clearSummary();
  clear(el.rows);
  renderPager(0, 0);
  const pinned = $('#pinned');
  pinned.dataset.key = '';
  clear(pinned);
  pinned.hidden = true;
  setResultState('loading', 'Loading projects\u2026');
  if (explicit) {
    state = { ...DEFAULTS };
    window.history.replaceState(null, '', window.location.pathname);
  }
  syncControls();
  document.title = 'LLM Traces \u00b7 sign in';
}

function detailOf(trace) {
  const k = `${state.project}|${trace.traceId}`;
  if (!details.has(k)) {
    const p = fetchTrace(trace.traceId, state.project, trace.timestamp);
    p.catch(() => details.delete(k));
    details.set(k, p);
  }
  return details.get(k);
}

// ---------------------------------------------------------------- states

function setResultState(s, message) {
  el.results.dataset.state = s;
  el.results.setAttribute('aria-busy', s === 'loading' ? 'true' : 'false');
  clear(el.status);
  if (message) el.status.append(h('p', { class: 'status-title' }, message));
}

function showError(message, retry) {
  setResultState('error');
  el.status.append(
    h('p', { class: 'status-title error-text' }, icon('alert'), h('span', { class: 'error-message' }, message)),
    retry ? h('button', { type: 'button', class: 'btn', on: { click: retry } }, 'Try again') : null);
}

function showEmpty(total) {
  setResultState('empty');
  const hasFilters = ['minDuration', 'maxDuration', 'minTokens', 'maxTokens'].some((k) => state[k] !== null);
  if (total > 0) {
    el.status.append(h('p', { class: 'status-title' }, `Page ${state.page} is past the last page.`),
      h('button', { type: 'button', class: 'btn', on: { click: () => navigate({ page: 1 }) } }, 'Go to the first page'));
    return;
  }
  if (state.show === 'anomalous') {
    el.status.append(h('p', { class: 'status-title' }, 'No anomalous traces in this range \u2014 ',
      h('button', { type: 'button', class: 'linklike', id: 'show-all-instead', on: { click: () => navigate({ show: 'all' }) } }, 'show all traces?')));
  } else {
    el.status.append(h('p', { class: 'status-title' },
      state.show === 'normal' ? 'No normal traces in this range.' : 'No traces in this range.'));
  }
  const actions = h('p', { class: 'status-actions' });
  if (hasFilters) {
    actions.append(h('button', {
      type: 'button', class: 'btn',
      on: { click: () => navigate({ minDuration: null, maxDuration: null, minTokens: null, maxTokens: null }) },
    }, 'Clear duration and token filters'));
  }
  if (state.range !== '7d') {
    actions.append(h('button', { type: 'button', class: 'btn', on: { click: () => navigate({ range: '7d', from: null, to: null }) } }, 'Widen to the last 7 days'));
  }
  el.status.append(actions);
}

// ---------------------------------------------------------------- rendering

function clearSummary() {
  for (const id of ['sum-tokens', 'sum-anomalies', 'sum-traces', 'sum-spans']) {
    $(`#${id} [data-value]`).textContent = DASH;
  }
  $('#summary-note').textContent = '';
}

function renderSummary(s) {
  $('#sum-tokens [data-value]').textContent = formatInt(s.totalTokens);
  $('#sum-anomalies [data-value]').textContent = formatInt(s.anomalyCount);
  $('#sum-traces [data-value]').textContent = formatInt(s.traceCount);
  $('#sum-spans [data-value]').textContent = formatInt(s.spanCount);
  const which = { anomalous: 'anomalous traces', all: 'all traces', normal: 'normal traces' }[state.show];
  const filters = [];
  if (state.minDuration !== null || state.maxDuration !== null) filters.push('trace duration');
  if (state.minTokens !== null || state.maxTokens !== null) filters.push('tokens');
  $('#summary-note').textContent = `Totals over ${which} of ${state.project} in ${rangeText()}`
    + (filters.length ? `, filtered by ${filters.join(' and ')}` : '') + '.';
}

function rangeText() {
  if (state.range) return RANGES[state.range].label.toLowerCase();
  const w = loaded.win || timeWindow(state);
  return `${formatTimestamp(w.from).slice(0, 19)} \u2013 ${formatTimestamp(w.to).slice(0, 19)}`;
}

function renderRows(traces) {
  clear(el.rows);
  for (const t of traces) el.rows.append(traceRow(t));
}

function traceRow(t) {
  const id = t.traceId;
  const expander = h('button', {
    type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': `detail-${id}`,
    'aria-label': `Show the spans of trace ${id}`, title: 'Show spans',
    on: { click: () => toggleTrace(id) },
  }, icon('chevron', 14));

  const secondary = [t.rootSpanName || 'root span missing', t.serviceName, (t.models || []).join(', ')]
    .filter(Boolean).join(' \u00b7 ');

  const copy = h('button', {
    type: 'button', class: 'icon-btn copy-json', title: 'Copy the trace as JSON',
    'aria-label': `Copy the JSON of trace ${id}`,
    on: { click: (e) => copyJson(t, e.currentTarget) },
  }, icon('copy', 15));
  const download = h('a', {
    class: 'icon-btn download-json', href: traceJsonUrl(id, state.project, t.timestamp),
    download: `trace-${id}.json`, title: 'Download the trace as a .json file',
    'aria-label': `Download the JSON of trace ${id}`,
  }, icon('download', 15));

  const tr = h('tr', {
    class: `trace-row${t.isAnomalous ? ' is-anomalous' : ''}`,
    dataset: { traceId: id },
    on: {
      click: (e) => {
        if (e.target.closest('button, a, input, select')) return;
        if (String(window.getSelection() || '')) return;
        toggleTrace(id);
      },
    },
  },
  h('td', { class: 'c-expand' }, expander),
  h('td', { class: 'c-score' }, scoreBadge(t.anomalyScore, t.isAnomalous)),
  h('td', { class: 'c-types' }, anomalyIcons(t.anomalyTypes)),
  h('td', { class: 'c-time', title: t.timestamp || '' }, formatTimestamp(t.timestamp)),
  h('td', { class: 'c-trace' },
    h('div', { class: 'trace-id mono' }, id),
    h('div', { class: 'secondary', title: secondary }, secondary),
    t.isAnomalous && t.explanation ? h('div', { class: 'row-expl', title: t.explanation }, t.explanation) : null),
  h('td', { class: 'c-num c-dur', title: isNum(t.durationMs) ? `${formatInt(t.durationMs)} ms` : '' }, formatDuration(t.durationMs)),
  h('td', { class: 'c-num c-spans' }, formatInt(t.spanCount)),
  h('td', { class: 'c-num c-tokens', title: isNum(t.tokenCount) ? '' : 'Token usage not reported' }, formatInt(t.tokenCount)),
  h('td', { class: 'c-num c-size', title: isNum(t.tokenSizeBytes) ? `${formatInt(t.tokenSizeBytes)} bytes` : '' }, formatBytes(t.tokenSizeBytes)),
  h('td', { class: 'c-json' }, h('span', { class: 'json-actions' }, copy, download)));
  return tr;
}

function toggleTrace(id) {
  navigate({ trace: state.trace === id ? null : id }, { keepPage: true });
}

/** Opens the detail row of the trace in the URL (if it is on this page), closes the others. */
function syncExpansion() {
  const traces = loaded.data && Array.isArray(loaded.data.traces) ? loaded.data.traces : [];
  syncPinned(traces);
  for (const row of el.rows.querySelectorAll('tr.detail-row')) {
    if (row.dataset.traceId !== state.trace) row.remove();
  }
  for (const row of el.rows.querySelectorAll('tr.trace-row')) {
    const open = row.dataset.traceId === state.trace;
    row.classList.toggle('expanded', open);
    const b = row.querySelector('.expander');
    b.setAttribute('aria-expanded', String(open));
    b.setAttribute('aria-label', `${open ? 'Hide' : 'Show'} the spans of trace ${row.dataset.traceId}`);
    b.title = open ? 'Hide spans' : 'Show spans';
    if (open && !(row.nextElementSibling && row.nextElementSibling.classList.contains('detail-row'))) {
      const t = traces.find((x) => x.traceId === state.trace);
      if (t) row.after(detailRow(t));
    }
  }
}

/**
 * A trace named in the URL that is not in this list (a link from an alert, another tool, a
 * colleague) is shown above the list rather than silently ignored.
 */
function syncPinned(traces) {
  const pinned = $('#pinned');
  const want = state.trace && !traces.some((t) => t.traceId === state.trace) ? state.trace : null;
  const key = want ? `${state.project}|${want}` : '';
  if (pinned.dataset.key === key) return;
  pinned.dataset.key = key;
  clear(pinned);
  pinned.hidden = !want;
  if (!want) return;
  const body = h('div', { class: 'pinned-body' });
  pinned.append(h('div', { class: 'pinned-head' },
    h('span', null, 'Trace ', h('span', { class: 'mono' }, want), ' (from the link; not in this list of traces)'),
    h('button', { type: 'button', class: 'btn', on: { click: () => navigate({ trace: null }, { keepPage: true }) } }, 'Close')), body);
  const load = () => {
    pinned.dataset.state = 'loading';
    clear(body).append(h('div', { class: 'detail-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading spans\u2026'));
    const project = state.project;
    fetchTrace(want, project).then((trace) => {
      if (pinned.dataset.key !== key) return;
      pinned.dataset.state = 'ready';
      clear(body).append(
        h('div', { class: 'pinned-facts' }, scoreBadge(trace.anomalyScore, trace.isAnomalous), anomalyIcons(trace.anomalyTypes),
          h('span', null, formatTimestamp(trace.timestamp)), h('span', null, formatDuration(trace.durationMs)),
          h('span', null, `${formatInt(trace.tokenCount)} tokens`)),
        renderTraceDetail(trace, project));
    }, (e) => {
      if (pinned.dataset.key !== key) return;
      pinned.dataset.state = 'error';
      clear(body).append(h('div', { class: 'detail-error' }, icon('alert'),
        h('span', { class: 'error-message' }, `Could not load trace ${want}: ${e.message}`),
        h('button', { type: 'button', class: 'btn', on: { click: load } }, 'Try again')));
    });
  };
  load();
}

function detailRow(t) {
  const cell = h('td', { colspan: COLS });
  const tr = h('tr', { class: 'detail-row', id: `detail-${t.traceId}`, dataset: { traceId: t.traceId, state: 'loading' } }, cell);
  const load = () => {
    tr.dataset.state = 'loading';
    clear(cell).append(h('div', { class: 'detail-loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Loading spans\u2026'));
    const project = state.project;
    detailOf(t).then((trace) => {
      if (!tr.isConnected) return;
      clear(cell).append(renderTraceDetail({ ...t, ...trace }, project));
      tr.dataset.state = 'ready';
    }, (e) => {
      if (!tr.isConnected) return;
      tr.dataset.state = 'error';
      clear(cell).append(h('div', { class: 'detail-error' },
        icon('alert'), h('span', { class: 'error-message' }, `Could not load the spans: ${e.message}`),
        h('button', { type: 'button', class: 'btn', on: { click: load } }, 'Try again')));
    });
  };
  load();
  return tr;
}

function renderPager(total, shown) {
  const start = total && shown ? (state.page - 1) * state.size + 1 : 0;
  const end = total && shown ? start + shown - 1 : 0;
  el.pageRange.textContent = shown ? `${formatInt(start)}\u2013${formatInt(end)} of ${formatInt(total)}` : `0 of ${formatInt(total)}`;
  el.prev.disabled = state.page <= 1;
  el.next.disabled = end >= total;
}

// ---------------------------------------------------------------- controls

function showWindow(win) {
  el.from.value = toLocalInput(win.from);
  el.to.value = toLocalInput(win.to);
}

function syncControls() {
  combo.setValue(state.project);
  el.preset.value = state.range || 'custom';
  showWindow(timeWindow(state));
  const put = (input, v) => { input.value = v === null ? '' : String(v); input.removeAttribute('aria-invalid'); };
  put(el.minDuration, state.minDuration);
  put(el.maxDuration, state.maxDuration);
  put(el.minTokens, state.minTokens);
  put(el.maxTokens, state.maxTokens);
  el.from.removeAttribute('aria-invalid');
  el.to.removeAttribute('aria-invalid');
  for (const r of el.form.querySelectorAll('input[name=show]')) r.checked = r.value === state.show;
  el.pageSize.value = String(state.size);
  if (el.pageSize.value !== String(state.size)) {
    el.pageSize.append(h('option', { value: state.size }, String(state.size)));
    el.pageSize.value = String(state.size);
  }
  for (const th of document.querySelectorAll('th[data-sort]')) {
    const on = th.dataset.sort === state.sort;
    if (on) th.setAttribute('aria-sort', state.order === 'asc' ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
    const ic = th.querySelector('.sort-icon');
    clear(ic).append(icon(on ? (state.order === 'asc' ? 'up' : 'down') : 'sort', 12));
  }
  el.filterError.hidden = true;
}

/** Reads the filter inputs; returns the state patch or the problems found. */
function readFilters() {
  const errors = [];
  const number = (input, what, int) => {
    input.removeAttribute('aria-invalid');
    if (input.validity && input.validity.badInput) {
      errors.push(`${what} must be a number`);
      input.setAttribute('aria-invalid', 'true');
      return null;
    }
    const v = input.value.trim();
    if (v === '') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || (int && !Number.isInteger(n))) {
      errors.push(`${what} must be a ${int ? 'whole ' : ''}number of at least 0`);
      input.setAttribute('aria-invalid', 'true');
      return null;
    }
    return n;
  };
  const patch = {
    minDuration: number(el.minDuration, 'Minimum trace duration', false),
    maxDuration: number(el.maxDuration, 'Maximum trace duration', false),
    minTokens: number(el.minTokens, 'Minimum tokens', true),
    maxTokens: number(el.maxTokens, 'Maximum tokens', true),
    show: (el.form.querySelector('input[name=show]:checked') || {}).value || DEFAULTS.show,
  };
  if (patch.minDuration !== null && patch.maxDuration !== null && patch.minDuration > patch.maxDuration) {
    errors.push('The minimum trace duration is above the maximum');
    el.minDuration.setAttribute('aria-invalid', 'true');
  }
  if (patch.minTokens !== null && patch.maxTokens !== null && patch.minTokens > patch.maxTokens) {
    errors.push('The minimum token count is above the maximum');
    el.minTokens.setAttribute('aria-invalid', 'true');
  }
  if (el.preset.value === 'custom' || timeEdited) {
    const from = fromLocalInput(el.from.value);
    const to = fromLocalInput(el.to.value);
    el.from.removeAttribute('aria-invalid');
    el.to.removeAttribute('aria-invalid');
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      errors.push('Enter a start and an end date and time');
      (Number.isFinite(from) ? el.to : el.from).setAttribute('aria-invalid', 'true');
    } else if (from >= to) {
      errors.push('The start of the time range must be before its end');
      el.from.setAttribute('aria-invalid', 'true');
    } else {
      Object.assign(patch, { range: null, from, to });
    }
  }
  return { patch, errors };
}

let timeEdited = false;
let filterTimer = null;

function applyFilters() {
  clearTimeout(filterTimer);
  const { patch, errors } = readFilters();
  if (errors.length) {
    el.filterError.textContent = `${errors.join('. ')}.`;
    el.filterError.hidden = false;
    return;
  }
  el.filterError.hidden = true;
  timeEdited = false;
  const changed = Object.keys(patch).some((k) => patch[k] !== state[k]);
  if (changed) navigate(patch);
  else apply(true);
}

function setupControls() {
  $('#tz-hint').textContent = `(your time zone: ${timeZoneLabel()})`;
  el.preset.append(...Object.entries(RANGES).map(([k, r]) => h('option', { value: k }, r.label)),
    h('option', { value: 'custom' }, 'Custom range'));
  el.pageSize.append(...PAGE_SIZES.map((n) => h('option', { value: n }, String(n))));

  const legend = $('#type-legend');
  legend.append(h('span', { class: 'legend-title' }, 'Anomaly types:'),
    ...TYPE_ORDER.map((t) => h('span', { class: 'legend-item' }, anomalyIcon(t), ANOMALY_TYPES[t].label)));

  const sortLabels = {
    score: ['Anomaly score', '0\u2013100: how far the trace is from its baseline; higher is worse. Click to sort.'],
    timestamp: ['Timestamp', `Trace start in your time zone (${timeZoneLabel()}). Click to sort.`],
    duration: ['Duration', 'The whole trace: first span start to last span end. Click to sort.'],
    tokens: ['Tokens', 'Total tokens of the trace\u2019s LLM calls. Click to sort.'],
  };
  for (const th of document.querySelectorAll('th[data-sort]')) {
    const key = th.dataset.sort;
    const [label, title] = sortLabels[key];
    th.append(h('button', {
      type: 'button', class: 'sort-btn', title,
      on: {
        click: () => navigate(state.sort === key
          ? { order: state.order === 'asc' ? 'desc' : 'asc' }
          : { sort: key, order: 'desc' }, { keepTrace: true }),
      },
    }, label, key === 'timestamp' ? h('span', { class: 'th-sub' }, timeZoneLabel().replace(/^.*, /, '')) : null,
    h('span', { class: 'sort-icon', 'aria-hidden': 'true' })));
  }

  $('.combo-toggle').append(icon('down', 14));
  $('#refresh').append(icon('refresh', 14), h('span', null, 'Refresh'));
  $('#copy-link').append(icon('link', 14), h('span', null, 'Copy link'));
  $('#send-traces').append(icon('code', 14), h('span', null, 'Send traces'));
  $('.dialog-close').append(icon('close', 14));
  $('#config-copy').append(icon('copy', 14), h('span', null, 'Copy'));
  $('#send-traces').addEventListener('click', (e) => configDialog.open(state.project, e.currentTarget));
  $('#refresh').addEventListener('click', () => { details.clear(); apply(true); });
  $('#copy-link').addEventListener('click', copyLink);

  el.form.addEventListener('submit', (e) => { e.preventDefault(); applyFilters(); });
  el.preset.addEventListener('change', () => {
    if (el.preset.value === 'custom') {
      const w = loaded.win || timeWindow(state);
      navigate({ range: null, from: w.from, to: w.to });
    } else {
      navigate({ range: el.preset.value, from: null, to: null });
    }
  });
  // Date inputs report a change per edited part: wait until the typing stops.
  for (const input of [el.from, el.to]) {
    input.addEventListener('change', () => {
      timeEdited = true;
      el.preset.value = 'custom';
      clearTimeout(filterTimer);
      filterTimer = setTimeout(applyFilters, 700);
    });
  }
  for (const input of [el.minDuration, el.maxDuration, el.minTokens, el.maxTokens]) {
    input.addEventListener('change', applyFilters);
  }
  for (const r of el.form.querySelectorAll('input[name=show]')) r.addEventListener('change', applyFilters);
  $('#reset').addEventListener('click', () => navigate({ ...DEFAULTS, project: state.project }));

  el.pageSize.addEventListener('change', () => navigate({ size: Number(el.pageSize.value) }));
  el.prev.addEventListener('click', () => { navigate({ page: Math.max(1, state.page - 1) }); toTableTop(); });
  el.next.addEventListener('click', () => { navigate({ page: state.page + 1 }); toTableTop(); });
}

/** After turning a page, show the new page from its first row. */
function toTableTop() {
  if (el.results.getBoundingClientRect().top < 0) el.results.scrollIntoView({ block: 'start' });
}

// ---------------------------------------------------------------- clipboard

async function copyJson(t, button) {
  button.disabled = true;
  try {
    const text = await writeClipboard(fetchTraceJsonText(t.traceId, state.project, t.timestamp));
    toast(`Copied the JSON of trace ${t.traceId.slice(0, 12)}\u2026 (${formatBytes(new Blob([text]).size)})`);
  } catch (e) {
    if (e.status !== 401) toast(`Could not copy the JSON: ${e.message}`, true);
  } finally {
    button.disabled = false;
  }
}

async function copyLink() {
  const w = loaded.win || timeWindow(state);
  const fixed = { ...state, range: null, from: w.from, to: w.to };
  const url = `${window.location.origin}${urlOf(fixed)}`;
  try {
    await writeClipboard(url);
    toast('Link copied: it shows these exact traces (time range fixed)');
  } catch (e) {
    toast(`Could not copy the link: ${e.message}`, true);
  }
}

let toastTimer = null;
function toast(message, isError = false) {
  el.toast.textContent = message;
  el.toast.classList.toggle('error', isError);
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.toast.hidden = true; }, isError ? 8000 : 3500);
}

// ---------------------------------------------------------------- start

export { ApiError };
setupControls();
syncControls();
start();
