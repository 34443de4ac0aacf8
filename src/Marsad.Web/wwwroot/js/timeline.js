// Weekly event counts as SVG bars, with brushing: drag across the bars to pick a period (a click picks
// one week). Written for this dashboard; in the Arabic layout time runs from right to left like the page.
import { clear, svg } from './dom.js';
import { events, t } from './i18n.js';

const DAY = 86400000;

export function parseDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export class Timeline {
  /**
   * @param {HTMLElement} host where the SVG goes
   * @param {{onSelect: (from: string, to: string) => void}} options
   */
  constructor(host, options) {
    this.host = host;
    this.onSelect = options.onSelect;
    this.weeks = []; // [{start: ms, count}], every week from the first to the last, zeros included
    this.selection = null; // {from: ms, to: ms}
    this.rtl = false;
    this.drag = null;
    this.svg = svg('svg', { class: 'timeline-svg', role: 'img' });
    host.append(this.svg);
    this.svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.svg.addEventListener('pointerup', (e) => this.pointerUp(e));
    this.svg.addEventListener('pointercancel', () => {
      this.drag = null;
      this.render();
    });
    new ResizeObserver(() => this.render()).observe(host);
  }

  /** @param {{key: string, events: number}[]} counts weeks (Mondays) with events, in any order */
  setData(counts) {
    const byWeek = new Map(counts.map((c) => [parseDay(c.key), c.events]));
    const starts = [...byWeek.keys()].sort((a, b) => a - b);
    this.weeks = [];
    if (starts.length > 0) {
      // A few weeks are padded to twelve so that one busy week is a bar, not a wall.
      const pad = Math.max(0, Math.ceil((12 - ((starts[starts.length - 1] - starts[0]) / (7 * DAY) + 1)) / 2));
      const first = starts[0] - pad * 7 * DAY;
      const last = starts[starts.length - 1] + pad * 7 * DAY;
      for (let w = first; w <= last; w += 7 * DAY) this.weeks.push({ start: w, count: byWeek.get(w) ?? 0 });
    }
    this.render();
  }

  /** The selected period (ISO days) or null; drawn as the brush. */
  setSelection(from, to) {
    this.selection = from || to ? { from: from ? parseDay(from) : -Infinity, to: to ? parseDay(to) : Infinity } : null;
    this.render();
  }

  setRtl(rtl) {
    this.rtl = rtl;
    this.render();
  }

  geometry() {
    const width = Math.max(200, this.host.clientWidth || 600);
    const height = Math.max(60, this.host.clientHeight || 110);
    const margin = { side: 12, top: 14, bottom: 18 };
    const n = Math.max(1, this.weeks.length);
    const band = (width - 2 * margin.side) / n;
    return { width, height, margin, n, band, plotHeight: height - margin.top - margin.bottom };
  }

  // The left edge of week i's band, mirrored in the right-to-left layout.
  xOf(i, g) {
    const x = g.margin.side + i * g.band;
    return this.rtl ? g.width - x - g.band : x;
  }

  indexAt(clientX) {
    const g = this.geometry();
    const rect = this.svg.getBoundingClientRect();
    let x = clientX - rect.left;
    if (this.rtl) x = g.width - x;
    const i = Math.floor((x - g.margin.side) / g.band);
    return Math.max(0, Math.min(this.weeks.length - 1, i));
  }

  render() {
    const g = this.geometry();
    const root = clear(this.svg);
    root.setAttribute('width', g.width);
    root.setAttribute('height', g.height);
    root.setAttribute('viewBox', `0 0 ${g.width} ${g.height}`);
    root.setAttribute('aria-label', t('timeline'));
    if (this.weeks.length === 0) {
      root.append(svg('text', { x: g.width / 2, y: g.height / 2, class: 'tl-empty', 'text-anchor': 'middle' }, t('timelineEmpty')));
      return;
    }
    const max = Math.max(1, ...this.weeks.map((w) => w.count));
    const baseline = g.margin.top + g.plotHeight;
    root.append(svg('line', { x1: g.margin.side, x2: g.width - g.margin.side, y1: baseline + 0.5, y2: baseline + 0.5, class: 'tl-axis' }));
    root.append(svg('text', { x: this.rtl ? g.width - g.margin.side : g.margin.side, y: 10, class: 'tl-max', 'text-anchor': 'start' }, events(max)));

    const sel = this.dragSelection() ?? this.selection;
    const bars = svg('g', { class: 'tl-bars' });
    const gap = g.band > 3 ? 1 : 0;
    this.weeks.forEach((w, i) => {
      if (w.count === 0) return;
      const h = Math.max(1, (w.count / max) * g.plotHeight);
      const inside = !sel || (w.start + 6 * DAY >= sel.from && w.start <= sel.to);
      const bar = svg('rect', {
        x: this.xOf(i, g) + gap / 2, y: baseline - h, width: Math.max(0.8, g.band - gap), height: h,
        class: inside ? 'tl-bar' : 'tl-bar tl-out', 'data-week': formatDay(w.start), 'data-count': w.count,
      });
      bar.append(svg('title', {}, t('weekOf', { date: formatDay(w.start), n: events(w.count) })));
      bars.append(bar);
    });
    root.append(bars);
    this.renderTicks(root, g, baseline);

    if (sel) {
      const first = this.weeks.findIndex((w) => w.start + 6 * DAY >= sel.from);
      let last = -1;
      for (let i = this.weeks.length - 1; i >= 0; i--) if (this.weeks[i].start <= sel.to) { last = i; break; }
      if (first >= 0 && last >= first) {
        const a = this.xOf(first, g);
        const b = this.xOf(last, g);
        const x = Math.min(a, b);
        root.append(svg('rect', { x, y: g.margin.top - 4, width: Math.abs(b - a) + g.band, height: g.plotHeight + 4, class: 'tl-brush' }));
      }
    }
  }

  // Year ticks, or month ticks when the data covers less than about two years.
  renderTicks(root, g, baseline) {
    const ticks = svg('g', { class: 'tl-ticks' });
    const span = this.weeks.length;
    const monthly = span < 100;
    let lastLabelX = -Infinity;
    let previous = null;
    this.weeks.forEach((w, i) => {
      const d = new Date(w.start);
      const key = monthly ? d.getUTCFullYear() * 12 + d.getUTCMonth() : d.getUTCFullYear();
      if (previous !== null && key !== previous) {
        const x = this.rtl ? this.xOf(i, g) + g.band : this.xOf(i, g);
        ticks.append(svg('line', { x1: x, x2: x, y1: baseline, y2: baseline + 4, class: 'tl-tick' }));
        const label = monthly ? formatDay(w.start).slice(0, 7) : String(d.getUTCFullYear());
        if (Math.abs(x - lastLabelX) > (monthly ? 56 : 34)) {
          ticks.append(svg('text', { x, y: baseline + 15, 'text-anchor': 'middle', class: 'tl-label' }, label));
          lastLabelX = x;
        }
      }
      previous = key;
    });
    root.append(ticks);
  }

  dragSelection() {
    if (!this.drag) return null;
    const a = Math.min(this.drag.start, this.drag.end);
    const b = Math.max(this.drag.start, this.drag.end);
    return { from: this.weeks[a].start, to: this.weeks[b].start + 6 * DAY };
  }

  pointerDown(e) {
    if (this.weeks.length === 0 || e.button !== 0) return;
    const i = this.indexAt(e.clientX);
    this.drag = { start: i, end: i };
    this.svg.setPointerCapture(e.pointerId);
    e.preventDefault();
    this.render();
  }

  pointerMove(e) {
    if (!this.drag) return;
    const i = this.indexAt(e.clientX);
    if (i !== this.drag.end) {
      this.drag.end = i;
      this.render();
    }
  }

  pointerUp(e) {
    if (!this.drag) return;
    this.drag.end = this.indexAt(e.clientX);
    const sel = this.dragSelection();
    this.drag = null;
    this.selection = sel;
    this.render();
    this.onSelect(formatDay(sel.from), formatDay(sel.to));
  }
}
