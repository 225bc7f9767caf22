// Writing to the clipboard, with fallbacks for browsers without the async clipboard API.
import { h } from './dom.js';

/**
 * Copies a text, or the text a promise resolves to (an API error wins over the clipboard's own).
 * `container` holds the fallback's hidden text area: inside an open modal dialog, the dialog
 * (everything else is inert then).
 */
export async function writeClipboard(textOrPromise, container = document.body) {
  const promise = Promise.resolve(textOrPromise);
  if (navigator.clipboard && window.ClipboardItem) {
    try {
      // Handing the clipboard a promise keeps the click's user activation (Safari needs it).
      await navigator.clipboard.write([new window.ClipboardItem({
        'text/plain': promise.then((t) => new Blob([t], { type: 'text/plain' })),
      })]);
      return promise;
    } catch (e) {
      await promise; // an API error wins over the clipboard's own
    }
  }
  const text = await promise;
  if (navigator.clipboard && navigator.clipboard.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return text;
    } catch (e) { /* fall back below */ }
  }
  const area = h('textarea', { class: 'offscreen', readonly: true });
  area.value = text;
  container.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused clipboard access');
  return text;
}
