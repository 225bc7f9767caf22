// The project picker: an ARIA 1.2 combobox (input + listbox), narrowed as you type.
// Keys: ArrowDown/ArrowUp move, Enter picks, Escape closes, Home/End jump, Tab leaves.
import { h, clear } from './dom.js';
import { formatInt, formatAgo } from './format.js';

export class Combobox {
  constructor(input, list, toggle, { onSelect }) {
    this.input = input;
    this.list = list;
    this.toggle = toggle;
    this.onSelect = onSelect;
    this.options = [];
    this.shown = [];
    this.active = -1;
    this.value = null;

    input.addEventListener('input', () => this.filter(input.value, true));
    input.addEventListener('focus', () => input.select());
    input.addEventListener('click', () => { if (!this.isOpen()) this.filter('', false); });
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(true), 120));
    toggle.addEventListener('mousedown', (e) => e.preventDefault());
    toggle.addEventListener('click', () => {
      if (this.isOpen()) this.close(true);
      else { input.focus(); this.filter('', false); }
    });
    list.addEventListener('mousedown', (e) => e.preventDefault());
  }

  setOptions(projects) {
    this.options = projects;
  }

  setValue(name) {
    this.value = name;
    this.input.value = name || '';
  }

  isOpen() {
    return !this.list.hidden;
  }

  filter(text, typed) {
    const needle = text.trim().toLowerCase();
    this.shown = needle ? this.options.filter((p) => p.name.toLowerCase().includes(needle)) : this.options.slice();
    clear(this.list);
    this.shown.forEach((p, i) => {
      const li = h('li', {
        id: `project-opt-${i}`, role: 'option', class: 'combo-option', 'aria-selected': p.name === this.value ? 'true' : 'false',
        dataset: { value: p.name },
        on: { click: () => this.pick(i) },
      },
      h('span', { class: 'opt-name' }, highlight(p.name, needle)),
      h('span', { class: 'opt-meta' },
        `${formatInt(p.anomalousTraceCount)} anomalous / ${formatInt(p.traceCount)} traces`,
        p.lastSeen ? ` \u00b7 last ${formatAgo(p.lastSeen)}` : ''));
      this.list.append(li);
    });
    if (this.shown.length === 0) {
      this.list.append(h('li', { class: 'combo-empty', role: 'option', 'aria-disabled': 'true' },
        this.options.length ? `No project matches \u201c${text.trim()}\u201d` : 'No projects yet'));
    }
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    const current = this.shown.findIndex((p) => p.name === this.value);
    this.setActive(typed ? (this.shown.length ? 0 : -1) : current);
  }

  setActive(i) {
    this.active = i;
    [...this.list.querySelectorAll('.combo-option')].forEach((li, j) => li.classList.toggle('active', j === i));
    if (i >= 0) {
      const li = this.list.querySelector(`#project-opt-${i}`);
      this.input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  close(restore) {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
    if (restore) this.input.value = this.value || '';
  }

  pick(i) {
    const p = this.shown[i];
    if (!p) return;
    this.setValue(p.name);
    this.close(false);
    this.onSelect(p.name);
  }

  onKey(e) {
    const n = this.shown.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.isOpen()) this.filter('', false);
        else if (n) this.setActive((this.active + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.isOpen()) this.filter('', false);
        else if (n) this.setActive(this.active <= 0 ? n - 1 : this.active - 1);
        break;
      case 'Home':
        if (this.isOpen() && n) { e.preventDefault(); this.setActive(0); }
        break;
      case 'End':
        if (this.isOpen() && n) { e.preventDefault(); this.setActive(n - 1); }
        break;
      case 'Enter':
        if (this.isOpen()) {
          e.preventDefault();
          if (this.active >= 0) this.pick(this.active);
          else {
            const exact = this.shown.findIndex((p) => p.name.toLowerCase() === this.input.value.trim().toLowerCase());
            if (exact >= 0) this.pick(exact);
          }
        }
        break;
      case 'Escape':
        if (this.isOpen()) { e.preventDefault(); this.close(true); }
        break;
      default:
    }
  }
}

/** The name with the typed part marked, built from text nodes. */
function highlight(name, needle) {
  if (!needle) return name;
  const i = name.toLowerCase().indexOf(needle);
  if (i < 0) return name;
  return [name.slice(0, i), h('mark', null, name.slice(i, i + needle.length)), name.slice(i + needle.length)];
}
