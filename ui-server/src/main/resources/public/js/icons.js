// Inline SVG icons. Shapes are constants in code; data never reaches these attributes.
import { h, svg } from './dom.js';

/** The four anomaly types: label, meaning (hover text), colour class and shape. */
export const ANOMALY_TYPES = {
  TRACE_RESPONSE_TIME: {
    label: 'Trace response time',
    meaning: 'The whole trace took longer than normal for its workflow',
    cls: 't-trace',
    draw: () => [
      // stopwatch
      svg('circle', { cx: 8, cy: 9.2, r: 5.3, fill: 'none', 'stroke-width': 1.6 }),
      svg('path', { d: 'M6.2 1.8h3.6M8 1.8v2.1M8 9.2 10.4 6.8M12.6 3.9l1 1', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round' }),
    ],
  },
  SPAN_RESPONSE_TIME: {
    label: 'Span response time',
    meaning: 'A span took longer than normal (a parent is judged on its own time, not its children\u2019s)',
    cls: 't-span',
    draw: () => [
      // hourglass
      svg('path', { d: 'M3.5 1.8h9M3.5 14.2h9', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round' }),
      svg('path', { d: 'M4.8 1.8c0 3.4 6.4 3.6 6.4 6.2s-6.4 2.8-6.4 6.2M11.2 1.8c0 3.4-6.4 3.6-6.4 6.2s6.4 2.8 6.4 6.2', fill: 'none', 'stroke-width': 1.4 }),
      svg('path', { d: 'M6.2 13.2 8 11.3l1.8 1.9z', 'stroke-width': 1 }),
    ],
  },
  SPAN_NO_PROMPT_RESPONSE: {
    label: 'Span no prompt response',
    meaning: 'An LLM call had a prompt but returned no response (no completion, no output tokens)',
    cls: 't-noresp',
    draw: () => [
      // empty speech bubble, struck through
      svg('path', { d: 'M2.2 3.2h11.6v7.6H7.4l-3 2.6v-2.6H2.2z', fill: 'none', 'stroke-width': 1.5, 'stroke-linejoin': 'round' }),
      svg('path', { d: 'M1.5 14.5 14.5 1.5', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round' }),
    ],
  },
  SPAN_ERROR: {
    label: 'Span error',
    meaning: 'A span ended with an error status, an error type or an exception',
    cls: 't-error',
    draw: () => [
      // warning triangle with exclamation mark
      svg('path', { d: 'M8 1.6 15 14H1z', fill: 'none', 'stroke-width': 1.5, 'stroke-linejoin': 'round' }),
      svg('path', { d: 'M8 6v4', fill: 'none', 'stroke-width': 1.7, 'stroke-linecap': 'round' }),
      svg('circle', { cx: 8, cy: 12, r: 0.95, stroke: 'none' }),
    ],
  },
};

export const TYPE_ORDER = ['TRACE_RESPONSE_TIME', 'SPAN_RESPONSE_TIME', 'SPAN_NO_PROMPT_RESPONSE', 'SPAN_ERROR'];

function svgIcon(children, size = 16) {
  return svg('svg', {
    viewBox: '0 0 16 16', width: size, height: size, 'aria-hidden': 'true', focusable: 'false',
    stroke: 'currentColor', fill: 'currentColor',
  }, children);
}

/** One anomaly type icon with hover text (title) and an accessible name (aria-label). */
export function anomalyIcon(type) {
  const t = ANOMALY_TYPES[type];
  if (!t) {
    // An unknown type from a newer engine: still shown, as text.
    return h('span', { class: 'type-icon t-unknown', role: 'img', title: String(type), 'aria-label': String(type), dataset: { type: String(type) } }, '?');
  }
  return h('span', {
    class: `type-icon ${t.cls}`, role: 'img', title: `${t.label}: ${t.meaning}`, 'aria-label': t.label,
    dataset: { type },
  }, svgIcon(t.draw()));
}

/** Icons for a list of types, in a fixed order so columns line up. */
export function anomalyIcons(types) {
  const list = Array.isArray(types) ? types : [];
  const known = TYPE_ORDER.filter((t) => list.includes(t));
  const unknown = list.filter((t) => !TYPE_ORDER.includes(t));
  return h('span', { class: 'type-icons' }, [...known, ...unknown].map(anomalyIcon));
}

const UI = {
  chevron: () => [svg('path', { d: 'M6 3.5 10.5 8 6 12.5', fill: 'none', 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  copy: () => [
    svg('rect', { x: 5.5, y: 5.5, width: 8, height: 9, rx: 1.5, fill: 'none', 'stroke-width': 1.4 }),
    svg('path', { d: 'M3.5 10.5h-.5A1.5 1.5 0 0 1 1.5 9V3A1.5 1.5 0 0 1 3 1.5h5A1.5 1.5 0 0 1 9.5 3v.5', fill: 'none', 'stroke-width': 1.4 }),
  ],
  download: () => [svg('path', { d: 'M8 1.8v8.4M4.4 6.8 8 10.4l3.6-3.6M2.2 11.6v2.6h11.6v-2.6', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  link: () => [svg('path', { d: 'M6.6 9.4a3 3 0 0 0 4.2 0l2.4-2.4a3 3 0 0 0-4.2-4.2l-.9.9M9.4 6.6a3 3 0 0 0-4.2 0L2.8 9a3 3 0 0 0 4.2 4.2l.9-.9', fill: 'none', 'stroke-width': 1.5, 'stroke-linecap': 'round' })],
  refresh: () => [svg('path', { d: 'M13.5 8A5.5 5.5 0 1 1 11.8 4M12.2 1.5v3h-3', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  alert: () => [svg('circle', { cx: 8, cy: 8, r: 6.5, fill: 'none', 'stroke-width': 1.5 }), svg('path', { d: 'M8 4.5v4.2', fill: 'none', 'stroke-width': 1.7, 'stroke-linecap': 'round' }), svg('circle', { cx: 8, cy: 11.2, r: 0.95, stroke: 'none' })],
  info: () => [svg('circle', { cx: 8, cy: 8, r: 6.5, fill: 'none', 'stroke-width': 1.4 }), svg('path', { d: 'M8 7.2v4.3', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round' }), svg('circle', { cx: 8, cy: 4.9, r: 0.9, stroke: 'none' })],
  sort: () => [svg('path', { d: 'M5 6.5 8 3.5l3 3M5 9.5l3 3 3-3', fill: 'none', 'stroke-width': 1.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  up: () => [svg('path', { d: 'M4.5 10 8 6l3.5 4', fill: 'none', 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  down: () => [svg('path', { d: 'M4.5 6 8 10l3.5-4', fill: 'none', 'stroke-width': 1.8, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  code: () => [svg('path', { d: 'M5.2 4 1.6 8l3.6 4M10.8 4l3.6 4-3.6 4', fill: 'none', 'stroke-width': 1.6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })],
  close: () => [svg('path', { d: 'M3.5 3.5l9 9M12.5 3.5l-9 9', fill: 'none', 'stroke-width': 1.7, 'stroke-linecap': 'round' })],
};

/** A decorative UI icon (buttons carry their own accessible names). */
export function icon(name, size = 16) {
  return svgIcon(UI[name](), size);
}
