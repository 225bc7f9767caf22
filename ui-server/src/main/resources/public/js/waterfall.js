// A trace's spans as a waterfall: indented by parent, bars placed by start and duration, and
// behind each bar the span's expected band from its baseline (start..start+median as the
// normal band, ..start+p99 as the lighter one). Every value goes in as text.
import { h, clear } from './dom.js';
import { anomalyIcons, icon } from './icons.js';
import {
  DASH, formatBytes, formatDuration, formatInt, formatScore, formatTimestamp, isNum,
} from './format.js';

const RENDER_LIMIT = 1000;

/** Orders spans depth-first by start time; orphans (parent never arrived) become roots. */
export function spanTree(spans) {
  const byId = new Map();
  spans.forEach((s) => { if (!byId.has(s.spanId)) byId.set(s.spanId, s); });
  const children = new Map();
  const roots = [];
  for (const s of byId.values()) {
    const p = s.parentSpanId;
    if (p && byId.has(p) && p !== s.spanId) {
      if (!children.has(p)) children.set(p, []);
      children.get(p).push(s);
    } else {
      roots.push(s);
    }
  }
  const t = (s) => Date.parse(s.startTime) || 0;
  const byStart = (a, b) => t(a) - t(b);
  roots.sort(byStart);
  children.forEach((c) => c.sort(byStart));
  const out = [];
  const seen = new Set();
  const walk = (s, depth) => {
    if (seen.has(s.spanId)) return; // a cycle in bad data
    seen.add(s.spanId);
    const kids = children.get(s.spanId) || [];
    out.push({ span: s, depth, childCount: kids.length, orphan: depth === 0 && !!s.parentSpanId });
    kids.forEach((k) => walk(k, depth + 1));
  };
  roots.forEach((r) => walk(r, 0));
  // Spans only reachable through a cycle: show them too rather than lose them.
  for (const s of byId.values()) if (!seen.has(s.spanId)) walk(s, 0);
  return out;
}

/** The time scale: from the first span start to the trace end, widened for bands (at most 2x). */
export function timeScale(spans) {
  let t0 = Infinity;
  let end = -Infinity;
  let bandEnd = -Infinity;
  for (const s of spans) {
    const st = Date.parse(s.startTime);
    if (!Number.isFinite(st)) continue;
    t0 = Math.min(t0, st);
    end = Math.max(end, st + (isNum(s.durationMs) ? s.durationMs : 0));
    const band = Math.max(isNum(s.expectedP99Ms) ? s.expectedP99Ms : 0, isNum(s.expectedMs) ? s.expectedMs : 0);
    bandEnd = Math.max(bandEnd, st + band);
  }
  if (!Number.isFinite(t0)) return { t0: 0, traceMs: 1, domainMs: 1 };
  const traceMs = Math.max(end - t0, 0.001);
  const domainMs = Math.max(traceMs, Math.min(bandEnd - t0, traceMs * 2));
  return { t0, traceMs, domainMs };
}

const pct = (v) => `${(Math.max(0, Math.min(100, v))).toFixed(3)}%`;

export function renderTraceDetail(trace, project) {
  const spans = Array.isArray(trace.spans) ? trace.spans : [];
  const rows = spanTree(spans);
  const scale = timeScale(spans);
  const collapsed = new Set();
  const openSpans = new Set();
  let limit = RENDER_LIMIT;

  const anomalousCount = spans.filter((s) => s.isAnomalous).length;
  const errorCount = spans.filter((s) => s.isError).length;

  const head = h('div', { class: 'detail-head' },
    trace.explanation ? h('p', { class: `trace-expl${trace.isAnomalous ? ' is-anomalous' : ''}` },
      trace.isAnomalous ? icon('alert') : icon('info'), h('span', { class: 'expl-text' }, trace.explanation)) : null,
    h('div', { class: 'detail-facts' },
      fact('Spans', formatInt(spans.length)),
      fact('Anomalous spans', formatInt(anomalousCount)),
      fact('Errors', formatInt(errorCount)),
      fact('Trace duration', formatDuration(trace.durationMs)),
      isNum(trace.expectedMs) ? fact('Expected', `${formatDuration(trace.expectedMs)} (p99 ${formatDuration(trace.expectedP99Ms)})`) : null,
      fact('Service', trace.serviceName || DASH),
      fact('Root span', trace.rootSpanName || 'root span missing'),
      fact('Models', (trace.models || []).join(', ') || DASH)),
    h('div', { class: 'wf-legend', 'aria-hidden': 'true' },
      h('span', { class: 'lg lg-bar' }), 'span',
      h('span', { class: 'lg lg-bar lg-anom' }), 'anomalous span',
      h('span', { class: 'lg lg-exp' }), 'expected (baseline median)',
      h('span', { class: 'lg lg-p99' }), 'up to baseline p99'));

  const body = h('div', { class: 'wf-body', role: 'rowgroup' });
  const table = h('div', { class: 'wf', role: 'table', 'aria-label': `Spans of trace ${trace.traceId}` },
    h('div', { class: 'wf-row wf-header', role: 'row' },
      h('div', { role: 'columnheader', class: 'c-name' }, 'Span'),
      h('div', { role: 'columnheader', class: 'c-num' }, 'Score'),
      h('div', { role: 'columnheader' }, 'Type'),
      h('div', { role: 'columnheader' }, 'Model'),
      h('div', { role: 'columnheader', class: 'c-num' }, 'Tokens'),
      h('div', { role: 'columnheader' }, 'Status'),
      h('div', { role: 'columnheader', class: 'c-num c-dur' }, 'Duration'),
      h('div', { role: 'columnheader', class: 'c-timeline' }, axis(scale))),
    body);

  const more = h('div', { class: 'wf-more' });

  function visibleRows() {
    const out = [];
    let hideBelow = Infinity;
    for (const r of rows) {
      if (r.depth > hideBelow) continue;
      hideBelow = collapsed.has(r.span.spanId) ? r.depth : Infinity;
      out.push(r);
    }
    return out;
  }

  function draw() {
    clear(body);
    clear(more);
    const vis = visibleRows();
    vis.slice(0, limit).forEach((r) => {
      body.append(spanRow(r));
      if (openSpans.has(r.span.spanId)) body.append(spanDetail(r.span, project));
    });
    if (vis.length > limit) {
      more.append(h('button', {
        type: 'button', class: 'btn',
        on: { click: () => { limit = Infinity; draw(); } },
      }, `Show all ${formatInt(vis.length)} spans (${formatInt(vis.length - limit)} more)`));
    }
  }

  function spanRow(r) {
    const s = r.span;
    const st = Date.parse(s.startTime);
    const off = Number.isFinite(st) ? st - scale.t0 : 0;
    const D = scale.domainMs;
    const open = openSpans.has(s.spanId);
    const cls = ['wf-row', 'span-row'];
    if (s.isAnomalous) cls.push('is-anomalous');
    if (s.isError) cls.push('is-error');
    if (open) cls.push('open');

    const toggle = r.childCount
      ? h('button', {
        type: 'button', class: 'tree-toggle', 'aria-expanded': collapsed.has(s.spanId) ? 'false' : 'true',
        'aria-label': `${collapsed.has(s.spanId) ? 'Show' : 'Hide'} ${r.childCount} child spans`,
        on: {
          click: (e) => {
            e.stopPropagation();
            if (collapsed.has(s.spanId)) collapsed.delete(s.spanId); else collapsed.add(s.spanId);
            draw();
          },
        },
      }, icon('chevron', 12))
      : h('span', { class: 'tree-spacer' });

    const bands = [];
    const band = (ms, c) => {
      if (!isNum(ms) || ms <= 0) return;
      const clipped = off + ms > D;
      bands.push(h('div', { class: `band ${c}${clipped ? ' clipped' : ''}`, style: { left: pct((off / D) * 100), width: pct((Math.min(ms, D - off) / D) * 100) } }));
    };
    band(s.expectedP99Ms, 'band-p99');
    band(s.expectedMs, 'band-exp');
    const durMs = isNum(s.durationMs) ? s.durationMs : 0;
    const bar = h('div', {
      class: `bar kind-${safeKind(s.kind)}${s.isAnomalous ? ' anom' : ''}${s.isError ? ' err' : ''}`,
      style: { left: pct((off / D) * 100), width: `max(2px, ${pct((durMs / D) * 100)})` },
    });
    const barTitle = `${s.name}: starts at +${formatDuration(off)}, took ${formatDuration(s.durationMs)}`
      + (isNum(s.expectedMs) ? `; expected ${formatDuration(s.expectedMs)}` : '')
      + (isNum(s.expectedP99Ms) ? `, p99 ${formatDuration(s.expectedP99Ms)}` : '');

    const row = h('div', {
      class: cls.join(' '), role: 'row', tabindex: '0', 'aria-expanded': open ? 'true' : 'false',
      dataset: { spanId: s.spanId },
      on: {
        click: () => toggleSpan(s.spanId),
        keydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggleSpan(s.spanId); } },
      },
    },
    h('div', { role: 'cell', class: 'c-name', style: { paddingLeft: `${6 + Math.min(r.depth, 24) * 14}px` } },
      h('div', { class: 'name-line' },
        toggle,
        h('span', { class: `kind kind-${safeKind(s.kind)}` }, s.kind || 'other'),
        h('span', { class: 'span-name', title: s.name }, s.name),
        r.orphan ? h('span', { class: 'orphan', title: 'The parent span of this span never arrived' }, 'parent missing') : null),
      s.isAnomalous && s.explanation ? h('div', { class: 'span-expl', title: s.explanation }, s.explanation) : null),
    h('div', { role: 'cell', class: 'c-num' }, scoreBadge(s.anomalyScore, s.isAnomalous)),
    h('div', { role: 'cell' }, anomalyIcons(s.anomalyTypes)),
    h('div', { role: 'cell', class: 'c-model', title: s.model || '' }, s.model || DASH),
    h('div', { role: 'cell', class: 'c-num', title: tokenTitle(s) }, formatInt(s.totalTokens)),
    h('div', { role: 'cell' }, h('span', { class: `span-status st-${String(s.statusCode || 'UNSET').toLowerCase()}`, title: s.statusMessage || '' }, s.statusCode || 'UNSET')),
    h('div', { role: 'cell', class: 'c-num c-dur' }, formatDuration(s.durationMs)),
    h('div', { role: 'cell', class: 'c-timeline', title: barTitle },
      h('div', { class: 'track' }, bands, bar,
        scale.domainMs > scale.traceMs ? h('div', { class: 'trace-end', style: { left: pct((scale.traceMs / D) * 100) } }) : null)));
    return row;
  }

  function toggleSpan(id) {
    if (openSpans.has(id)) openSpans.delete(id); else openSpans.add(id);
    draw();
  }

  draw();
  return h('div', { class: 'trace-detail' }, head, h('div', { class: 'wf-scroll' }, table), more);
}

function safeKind(k) {
  return ['workflow', 'task', 'agent', 'tool', 'llm', 'retriever', 'embedding'].includes(k) ? k : 'other';
}

function fact(label, value) {
  return h('span', { class: 'fact' }, h('span', { class: 'fact-label' }, label), h('span', { class: 'fact-value' }, value));
}

function tokenTitle(s) {
  if (!isNum(s.totalTokens)) return 'Token usage not reported';
  return `input ${formatInt(s.inputTokens)}, output ${formatInt(s.outputTokens)}, total ${formatInt(s.totalTokens)}`;
}

export function scoreBadge(score, anomalous) {
  let level = 'low';
  if (anomalous) level = score >= 80 ? 'high' : 'mid';
  return h('span', { class: `score score-${level}`, title: anomalous ? 'Anomalous' : 'Not anomalous' }, formatScore(score));
}

function axis(scale) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return h('div', { class: 'axis' },
    ticks.map((f) => h('span', { class: 'tick', style: { left: pct(f * 100) } }, formatDuration(f * scale.domainMs))));
}

function spanDetail(s, project) {
  const facts = [
    ['Span ID', s.spanId, 'mono'],
    ['Parent span ID', s.parentSpanId || '(root)', 'mono'],
    ['Kind', s.kind],
    ['Service', s.serviceName],
    ['Start', s.startTime ? `${formatTimestamp(s.startTime)} (${s.startTime})` : null],
    ['Duration', formatDuration(s.durationMs)],
    ['Self time', formatDuration(s.selfTimeMs)],
    ['Expected (baseline median)', formatDuration(s.expectedMs)],
    ['Expected p99', formatDuration(s.expectedP99Ms)],
    ['Duration / p99', isNum(s.durationRatio) ? `${s.durationRatio.toFixed(2)}\u00d7` : null],
    ['Baseline', s.baselineKey ? `${s.baselineKey} (${formatInt(s.baselineSamples)} samples)` : null],
    ['Model', s.model],
    ['Provider', s.provider],
    ['Input tokens', formatInt(s.inputTokens)],
    ['Output tokens', formatInt(s.outputTokens)],
    ['Total tokens', formatInt(s.totalTokens)],
    ['Token size', formatBytes(s.tokenSizeBytes)],
    ['Streaming', s.isStreaming ? `yes${isNum(s.ttftMs) ? `, first token after ${formatDuration(s.ttftMs)}` : ''}` : 'no'],
    ['Status', [s.statusCode, s.statusMessage].filter(Boolean).join(': ')],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== DASH);

  const attrs = s.attributes && typeof s.attributes === 'object' ? Object.entries(s.attributes) : [];
  attrs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return h('div', { class: 'span-detail', role: 'row', dataset: { spanId: s.spanId } },
    h('div', { role: 'cell', class: 'span-detail-inner' },
      h('p', { class: `span-analysis${s.isAnomalous ? ' is-anomalous' : ''}` },
        h('strong', null, s.isAnomalous ? `Anomalous (score ${formatScore(s.anomalyScore)}): ` : `Normal (score ${formatScore(s.anomalyScore)}): `),
        s.explanation || (s.isAnomalous ? 'no explanation given' : 'within its baseline')),
      h('dl', { class: 'facts' }, facts.map(([k, v, c]) => [h('dt', null, k), h('dd', { class: c || null }, v)])),
      h('table', { class: 'attrs' },
        h('caption', null, `Attributes (${attrs.length})`),
        h('tbody', null, attrs.length
          ? attrs.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v === null ? 'null' : String(v))))
          : h('tr', null, h('td', { colspan: 2, class: 'muted' }, 'No attributes'))))));
}
