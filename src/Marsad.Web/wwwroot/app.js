// The Marsad dashboard: a map of the coded events (clustered, coloured by type), a weekly timeline with
// brushing, filters, a paged event list, an event's detail with its article and highlighted evidence,
// and the movement view of one actor. Everything the API returns is untrusted and is put into the page
// as text (see js/dom.js); Leaflet popups and tooltips are given DOM nodes.
import { ApiError, filterParams, get } from './js/api.js';
import { $, $$, clear, el } from './js/dom.js';
import { highlightedText, rolesOf } from './js/highlight.js';
import {
  certaintyLabel, comma, countryName, dir, events, lang, num, precisionLabel, roleLabel, setLang, subtypeLabel, t, typeLabel,
} from './js/i18n.js';
import { movementLayer, RAMP_CSS, dashFor, routeText } from './js/movement.js';
import { Timeline } from './js/timeline.js';

/* global L */

// Load times of the first view, for the 100k benchmark (bench/README.md) and the status line.
const timings = (window.marsadTimings = { scriptStart: performance.now() });

const TYPE_COLORS = {
  battles: '#c0392b',
  explosions_remote_violence: '#e67e22',
  violence_against_civilians: '#8e44ad',
  protests: '#2e86c1',
  riots: '#17a589',
  strategic_developments: '#7b8a8b',
  x_movement: '#b7950b',
  x_security_measure: '#1e8449',
  x_threat: '#d63384',
};
const OTHER_COLOR = '#555';
const PAGE_SIZE = 50;
const MAX_POINTS = 100000;

const state = {
  view: 'events',
  filters: { from: '', to: '', type: '', actor: '', country: '', certainty: [], q: '' },
  inView: false,
  order: 'newest',
  offset: 0,
  eventId: null,
  movementActor: '',
};

const data = {
  config: null,
  types: Object.keys(TYPE_COLORS),
  certainties: ['confirmed', 'reported', 'unconfirmed', 'speculative', 'planned', 'denied'],
  countries: [],
  actors: [],
  typeCounts: [],
  total: null,
  mapped: null,
  truncated: false,
  page: null,
  detail: null,
  article: null,
  articleEventId: null,
  movement: null,
  weeks: [],
};

let map;
let clusters;
let countriesLayer;
let legendControl;
let movementGroup = null;
let timeline;
const markers = new Map(); // merged event id → L.Marker, kept across reloads so markers are built once
const iconCache = new Map();
const loads = { points: 0, list: 0, counts: 0, weeks: 0, movement: 0 };
let pointsAbort = null;

// ---------------------------------------------------------------- start

async function start() {
  setLang(localStorage.getItem('marsad.lang') ?? 'ar');
  readHash();
  installTypeStyles();
  applyLanguage();
  buildMap();
  timeline = new Timeline($('#timeline-chart'), { onSelect: (from, to) => setDates(from, to) });
  timeline.setRtl(dir() === 'rtl');
  wireControls();
  syncControls();
  setStatus(t('loading'));

  try {
    // Everything the first view needs is asked for at once; the configuration only adds tiles and may rename codes.
    const countriesFile = fetch('lib/world/countries-50m.geo.json').then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const config = get('config').then((c) => {
      data.config = c;
      if (Array.isArray(c.types)) data.types = c.types;
      if (Array.isArray(c.certainties)) data.certainties = c.certainties;
      if (c.tile_url) {
        L.tileLayer(c.tile_url, { maxZoom: 18, attribution: 'Map tiles: ' + new URL(c.tile_url.replace(/\{[a-z]\}/g, '0')).host }).addTo(map);
      }
      buildFilterOptions();
      renderLegend();
    });
    buildFilterOptions();
    const drawCountries = Promise.all([countriesFile, config]).then(([geojson]) => showCountries(geojson));
    const firstData = state.view === 'movement' ? switchView('movement', { initial: true }) : reload({ points: true, weeks: true, fit: true });
    await Promise.all([config, drawCountries, firstData]);
    timings.firstView = Math.round(performance.now());
    // The filters' actor and country choices are not needed to draw the first view, so they do not compete with it.
    loadActors();
    loadCountries();
    watchStatus();
    document.body.dataset.ready = '1';
    updateStatus();
    if (state.eventId) openEvent(state.eventId);
  } catch (e) {
    showError(e);
  }
}

function installTypeStyles() {
  // One source for the type colours: the JS table, turned into CSS variables for markers, legend and list.
  const style = document.createElement('style');
  style.textContent = Object.entries(TYPE_COLORS).map(([type, color]) => `.t-${type}{--type-color:${color}}`).join('\n');
  document.head.append(style);
}

// ---------------------------------------------------------------- language

function applyLanguage() {
  const root = document.documentElement;
  root.lang = lang();
  root.dir = dir();
  document.title = `${t('appName')} · ${t('appTagline')}`;
  for (const node of $$('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of $$('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of $$('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of $$('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  const button = $('#lang-switch');
  button.textContent = t('switchLang');
  button.title = t('switchLangTitle');
  button.lang = lang() === 'ar' ? 'en' : 'ar';
}

function switchLanguage() {
  setLang(lang() === 'ar' ? 'en' : 'ar');
  localStorage.setItem('marsad.lang', lang());
  applyLanguage();
  // Everything drawn from data is rebuilt in the new language; nothing is fetched again.
  buildFilterOptions();
  fillCountryOptions();
  mirrorMapControls();
  timeline.setRtl(dir() === 'rtl');
  renderLegend();
  renderList();
  renderDetail();
  if (state.view === 'movement') renderMovement();
  map.closePopup();
  showNewEvents();
  updateStatus();
}

// ---------------------------------------------------------------- map

function buildMap() {
  map = L.map('map', {
    center: [28, 30],
    zoom: 4,
    minZoom: 2,
    maxZoom: 14,
    worldCopyJump: false,
    maxBounds: [[-85, -300], [85, 300]],
    zoomControl: false,
  });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Boundaries: Natural Earth (world-atlas)');
  map.zoomControl = L.control.zoom({ zoomInTitle: '+', zoomOutTitle: '−' });
  map.addControl(map.zoomControl);

  clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 120,
    chunkDelay: 20,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    spiderfyOnMaxZoom: true,
    removeOutsideVisibleBounds: true,
    iconCreateFunction: clusterIcon,
  });
  clusters.on('click', (e) => openPointPopup(e.layer));
  map.addLayer(clusters);

  legendControl = L.control({ position: 'bottomright' });
  legendControl.onAdd = () => {
    const box = el('div', { class: 'map-legend leaflet-bar' });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legendControl.addTo(map);
  mirrorMapControls();

  map.on('moveend', () => {
    if (state.inView && state.view === 'events') {
      state.offset = 0;
      reload({ points: false, weeks: false });
    }
  });
  // For the browser tests and the benchmark: the map, and a status check without waiting for the next poll.
  window.marsad = { map, clusters, state, timings, checkStatus: () => checkStatus() };
}

function mirrorMapControls() {
  const rtl = dir() === 'rtl';
  map.zoomControl.setPosition(rtl ? 'topright' : 'topleft');
  legendControl.setPosition(rtl ? 'bottomleft' : 'bottomright');
  map.attributionControl.setPosition(rtl ? 'bottomright' : 'bottomleft');
}

function showCountries(geojson) {
  if (!geojson) return;
  const tiles = Boolean(data.config?.tile_url);
  countriesLayer = L.geoJSON(geojson, {
    renderer: L.canvas({ padding: 0.2 }),
    interactive: false,
    style: () => ({
      color: tiles ? '#555' : '#a8a294', weight: 0.7, fillColor: '#f3efe6', fillOpacity: tiles ? 0 : 1,
    }),
  });
  countriesLayer.addTo(map);
  countriesLayer.bringToBack();
}

function iconFor(type) {
  let icon = iconCache.get(type);
  if (!icon) {
    icon = L.divIcon({ className: `ev-marker t-${TYPE_COLORS[type] ? type : 'other'}`, iconSize: [12, 12], html: '' });
    iconCache.set(type, icon);
  }
  return icon;
}

// A cluster is a disc with its count, ringed by the share of each event type inside it.
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const counts = new Map();
  for (const m of children) counts.set(m.options.etype, (counts.get(m.options.etype) ?? 0) + 1);
  const total = children.length;
  let at = 0;
  const stops = [];
  for (const [type, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
    const from = (at / total) * 100;
    at += n;
    stops.push(`${TYPE_COLORS[type] ?? OTHER_COLOR} ${from.toFixed(2)}% ${((at / total) * 100).toFixed(2)}%`);
  }
  const size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 42 : 50;
  const ring = el('div', { class: 'cluster-ring', style: { background: `conic-gradient(${stops.join(', ')})` } },
    el('span', { class: 'cluster-count' }, compact(total)));
  return L.divIcon({ className: 'ev-cluster', html: ring, iconSize: [size, size] });
}

function compact(n) {
  return n >= 10000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

function openPointPopup(marker) {
  const p = marker.options.point;
  const body = el('div', { class: 'popup', dir: dir() },
    el('div', { class: `popup-title t-${p.type}` }, el('span', { class: 'swatch' }), typeLabel(p.type)),
    el('div', { class: 'popup-sub' }, subtypeLabel(p.subtype)),
    el('div', { class: 'popup-meta' }, p.date ?? '', p.date ? ' · ' : '', el('span', { class: `cert cert-${p.certainty}` }, certaintyLabel(p.certainty))));
  const more = el('div', { class: 'popup-more' }, t('loading'));
  body.append(more, el('button', { type: 'button', class: 'link-button', on: { click: () => openEvent(p.id) } }, t('openDetails')));
  L.popup({ maxWidth: 320, minWidth: 220 }).setLatLng(marker.getLatLng()).setContent(body).openOn(map);
  get(`events/${p.id}`).then((d) => {
    const e = d.event;
    clear(more).append(
      e.place ? el('div', null, placeLine(e.place)) : '',
      e.actor1 || e.actor2 ? el('div', null, actorsLine(e)) : '',
      el('blockquote', { class: 'evidence', dir: 'auto' }, e.evidence));
  }).catch(() => clear(more));
}

function placeLine(p) {
  return [el('bdi', null, p.name), p.country ? `${comma()}${countryName(p.country)}` : ''];
}

function actorsLine(e) {
  return [e.actor1 ? el('bdi', null, e.actor1) : t('notCoded'), e.actor2 ? [' → ', el('bdi', null, e.actor2)] : ''];
}

// ---------------------------------------------------------------- loading

/** Reloads what the filters changed: map points, weekly counts, type counts and the list. */
async function reload({ points = true, weeks = true, fit = false } = {}) {
  writeHash();
  const jobs = [loadList(), loadCounts()];
  if (points) jobs.push(loadPoints(fit));
  if (weeks) jobs.push(loadWeeks());
  timeline.setSelection(state.filters.from, state.filters.to);
  updateRangeLabel();
  await Promise.all(jobs);
  // The list's range line names the total, which may have arrived after the list.
  renderList();
  updateStatus();
}

function params() {
  const p = filterParams(state.filters);
  if (state.inView && map) p.bbox = currentBbox();
  return p;
}

function currentBbox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const f = (v) => v.toFixed(4);
  return [f(clamp(b.getWest(), -180, 180)), f(clamp(b.getSouth(), -90, 90)), f(clamp(b.getEast(), -180, 180)), f(clamp(b.getNorth(), -90, 90))].join(',');
}

async function loadPoints(fit) {
  const id = ++loads.points;
  pointsAbort?.abort();
  pointsAbort = new AbortController();
  const p = filterParams(state.filters);
  const t0 = performance.now();
  const result = await get('events/points', { ...p, limit: MAX_POINTS }, pointsAbort.signal).catch((e) => {
    if (e.name === 'AbortError') return null;
    throw e;
  });
  if (!result || id !== loads.points) return;
  const t1 = performance.now();
  const idx = Object.fromEntries(result.fields.map((name, i) => [name, i]));
  const layers = [];
  for (const row of result.points) {
    const eventId = row[idx.id];
    let marker = markers.get(eventId);
    if (!marker) {
      const point = { id: eventId, type: row[idx.type], subtype: row[idx.subtype], date: row[idx.date], certainty: row[idx.certainty] };
      marker = L.marker([row[idx.lat], row[idx.lon]], { icon: iconFor(point.type), keyboard: false, etype: point.type, point });
      markers.set(eventId, marker);
    }
    layers.push(marker);
  }
  const t2 = performance.now();
  clusters.clearLayers();
  await new Promise((resolve) => {
    if (layers.length === 0) {
      resolve();
      return;
    }
    clusters.options.chunkProgress = (processed, total) => {
      if (processed >= total) resolve();
    };
    clusters.addLayers(layers);
  });
  if (id !== loads.points) return;
  const t3 = performance.now();
  data.mapped = result.count;
  data.truncated = result.truncated;
  if (timings.pointsFetch === undefined) {
    Object.assign(timings, { pointsFetch: Math.round(t1 - t0), markersBuild: Math.round(t2 - t1), clusterLoad: Math.round(t3 - t2), points: result.count });
  }
  if (fit && layers.length > 0) {
    const bounds = clusters.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.05), { maxZoom: 7, animate: false });
  }
}

async function loadList() {
  const id = ++loads.list;
  const page = await get('events', { ...params(), limit: PAGE_SIZE, offset: state.offset || null, order: state.order === 'stored' ? 'stored' : null });
  if (id !== loads.list) return;
  data.page = page;
  renderList();
}

async function loadCounts() {
  const id = ++loads.counts;
  const result = await get('aggregates', { ...params(), by: 'type' });
  if (id !== loads.counts) return;
  data.typeCounts = result.counts;
  data.total = result.counts.reduce((s, c) => s + c.events, 0);
  renderLegend();
}

// The timeline shows every week under the other filters; the date filters are its selection.
async function loadWeeks(extra) {
  const id = ++loads.weeks;
  const p = { ...params(), from: null, to: null, ...extra };
  const result = await get('aggregates', { ...p, by: 'week' });
  if (id !== loads.weeks) return;
  data.weeks = result.counts;
  timeline.setData(result.counts);
  timeline.setSelection(state.filters.from, state.filters.to);
}

async function loadActors() {
  try {
    data.actors = await get('actors', { limit: 500 });
    const list = clear($('#actors-list'));
    for (const a of data.actors) list.append(el('option', { value: a.key }, `${a.key} (${a.events})`));
  } catch (e) {
    console.warn('actors', e);
  }
}

async function loadCountries() {
  try {
    data.countries = (await get('aggregates', { by: 'country', limit: 300 })).counts;
    fillCountryOptions();
  } catch (e) {
    console.warn('countries', e);
  }
}

// ---------------------------------------------------------------- filters

function wireControls() {
  $('#lang-switch').addEventListener('click', switchLanguage);
  $('#new-events').addEventListener('click', loadNewEvents);
  for (const tab of $$('.views [data-view]')) tab.addEventListener('click', () => switchView(tab.dataset.view));

  const form = $('#filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    applyFilters();
  });
  form.addEventListener('change', (e) => {
    if (e.target.id === 'f-inview') {
      state.inView = e.target.checked;
      state.offset = 0;
      reload({ points: false, weeks: false });
    } else {
      applyFilters();
    }
  });
  $('#f-order').addEventListener('change', (e) => {
    state.order = e.target.value;
    state.offset = 0;
    writeHash();
    loadList().catch(showError);
  });
  $('#f-clear').addEventListener('click', () => {
    state.filters = { from: '', to: '', type: '', actor: '', country: '', certainty: [], q: '' };
    state.inView = false;
    syncControls();
    state.offset = 0;
    reload();
  });
  $('#timeline-reset').addEventListener('click', () => setDates('', ''));
  $('#list-prev').addEventListener('click', () => page(-1));
  $('#list-next').addEventListener('click', () => page(1));
  $('#detail-close').addEventListener('click', closeDetail);
  $('#movement-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.movementActor = $('#m-actor').value.trim();
    loadMovement();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('#detail').hidden) closeDetail();
  });
}

function readControls() {
  const f = state.filters;
  const before = JSON.stringify(f);
  f.type = $('#f-type').value;
  f.actor = $('#f-actor').value.trim();
  f.country = $('#f-country').value;
  f.from = $('#f-from').value;
  f.to = $('#f-to').value;
  f.q = $('#f-q').value.trim();
  f.certainty = $$('#f-certainty input:checked').map((c) => c.value);
  return before !== JSON.stringify(f);
}

function syncControls() {
  const f = state.filters;
  $('#f-type').value = f.type;
  $('#f-actor').value = f.actor;
  $('#f-country').value = f.country;
  $('#f-from').value = f.from;
  $('#f-to').value = f.to;
  $('#f-q').value = f.q;
  $('#f-inview').checked = state.inView;
  $('#f-order').value = state.order;
  for (const c of $$('#f-certainty input')) c.checked = f.certainty.includes(c.value);
  $('#m-actor').value = state.movementActor || f.actor;
}

function applyFilters() {
  const f = state.filters;
  const oldWeeksKey = JSON.stringify({ ...f, from: '', to: '' });
  if (!readControls()) return;
  if (f.from && f.to && f.from > f.to) [f.from, f.to] = [f.to, f.from];
  syncControls();
  state.offset = 0;
  const weeksChanged = oldWeeksKey !== JSON.stringify({ ...f, from: '', to: '' });
  if (state.view === 'movement') {
    if (state.movementActor) loadMovement();
    return;
  }
  reload({ points: true, weeks: weeksChanged });
}

function setDates(from, to) {
  state.filters.from = from;
  state.filters.to = to;
  syncControls();
  state.offset = 0;
  if (state.view === 'movement') {
    timeline.setSelection(from, to);
    updateRangeLabel();
    if (state.movementActor) loadMovement({ keepWeeks: true });
    return;
  }
  reload({ points: true, weeks: false });
}

function updateRangeLabel() {
  const { from, to } = state.filters;
  const label = $('#timeline-range');
  label.textContent = from || to ? t('selectedRange', { from: from || '…', to: to || '…' }) : '';
  $('#timeline-reset').hidden = !(from || to);
}

function buildFilterOptions() {
  const type = $('#f-type');
  const chosen = state.filters.type;
  clear(type).append(el('option', { value: '' }, t('anyType')), data.types.map((code) => el('option', { value: code }, typeLabel(code))));
  type.value = chosen;

  const box = $('#f-certainty');
  const checked = state.filters.certainty;
  clear(box).append(el('legend', null, t('certainty')));
  for (const code of data.certainties) {
    box.append(el('label', { class: `chip cert-${code}` },
      el('input', { type: 'checkbox', value: code, checked: checked.includes(code) }), certaintyLabel(code)));
  }
}

function fillCountryOptions() {
  const select = $('#f-country');
  const chosen = state.filters.country;
  const options = data.countries
    .map((c) => ({ code: c.key, name: countryName(c.key), n: c.events }))
    .sort((a, b) => a.name.localeCompare(b.name, lang()));
  clear(select).append(el('option', { value: '' }, t('anyCountry')),
    options.map((c) => el('option', { value: c.code }, `${c.name} (${num(c.n)})`)));
  if (chosen && !options.some((c) => c.code === chosen)) select.append(el('option', { value: chosen }, countryName(chosen)));
  select.value = chosen;
}

function page(step) {
  const next = state.offset + step * PAGE_SIZE;
  if (next < 0 || (step > 0 && data.page?.next_offset == null)) return;
  state.offset = next;
  loadList().then(() => $('#event-list').scrollTo({ top: 0 })).catch(showError);
}

// ---------------------------------------------------------------- legend, list, status

function renderLegend() {
  const box = legendControl.getContainer();
  if (!box) return;
  const counts = new Map(data.typeCounts.map((c) => [c.key, c.events]));
  box.dir = dir();
  clear(box).append(el('div', { class: 'legend-title' }, t('legend')));
  const list = el('ul', { class: 'legend-list', title: t('legendHint') });
  for (const type of data.types) {
    const n = counts.get(type) ?? 0;
    const active = state.filters.type === type;
    list.append(el('li', null, el('button', {
      type: 'button',
      class: `legend-item t-${type}${active ? ' active' : ''}${n === 0 ? ' empty' : ''}`,
      dataset: { type, count: n },
      'aria-pressed': active ? 'true' : 'false',
      on: { click: () => { $('#f-type').value = active ? '' : type; applyFilters(); } },
    }, el('span', { class: 'swatch' }), el('span', { class: 'legend-label' }, typeLabel(type)), el('span', { class: 'legend-count' }, num(n)))));
  }
  box.append(list);
  box.hidden = state.view !== 'events';
}

function renderList() {
  const list = clear($('#event-list'));
  const pageData = data.page;
  if (!pageData) return;
  if (pageData.items.length === 0) list.append(el('li', { class: 'empty' }, t('listEmpty')));
  for (const e of pageData.items) {
    list.append(el('li', null, el('button', {
      type: 'button',
      class: `event-item t-${e.type}${state.eventId === e.id ? ' selected' : ''}`,
      dataset: { id: e.id, type: e.type, date: e.date?.start ?? '', dateEnd: e.date?.end ?? '', actor1: e.actor1 ?? '', actor2: e.actor2 ?? '', country: e.place?.country ?? '' },
      on: { click: () => openEvent(e.id) },
    },
    el('span', { class: 'event-head' }, el('span', { class: 'swatch' }), el('span', { class: 'event-type' }, typeLabel(e.type)),
      el('span', { class: 'event-sub' }, subtypeLabel(e.subtype))),
    el('span', { class: 'event-meta' },
      el('span', { class: 'event-date' }, e.date ? dateText(e.date) : t('notCoded')),
      ' · ', e.place ? placeLine(e.place) : el('span', { class: 'muted' }, t('notLocated')),
      ' · ', el('span', { class: `cert cert-${e.certainty}` }, certaintyLabel(e.certainty)),
      e.mentions > 1 ? [' · ', el('span', { class: 'mentions' }, `×${num(e.mentions)}`)] : ''),
    e.actor1 || e.actor2 ? el('span', { class: 'event-actors' }, actorsLine(e)) : '',
    el('span', { class: 'event-evidence', dir: 'auto' }, e.evidence))));
  }
  const from = pageData.items.length ? pageData.offset + 1 : 0;
  const to = pageData.offset + pageData.items.length;
  $('#list-range').textContent = t('pageRange', { from: num(from), to: num(to) });
  $('#event-list').dataset.ids = pageData.items.map((e) => e.id).join(',');
  $('#list-prev').disabled = pageData.offset === 0;
  $('#list-next').disabled = pageData.next_offset == null;
}

function dateText(d) {
  return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
}

function setStatus(text) {
  $('#status-text').textContent = text;
}

function updateStatus() {
  const status = $('#status');
  if (data.total != null) {
    status.dataset.total = data.total;
    status.dataset.mapped = data.mapped ?? 0;
  }
  const parts = [];
  if (state.view === 'events' && data.total != null) {
    parts.push(t('statusCounts', { total: events(data.total), mapped: num(data.mapped ?? 0) }) + (data.truncated ? t('statusTruncated', { n: num(data.mapped) }) : ''));
  }
  if (timings.firstView !== undefined) {
    parts.push(t('statusFirstView', { ms: num(timings.firstView) }));
    status.dataset.firstView = timings.firstView;
  }
  setStatus(parts.join(' · '));
}

// New events arrive while the page is open (marsad watch, POST /api/articles): /api/status is polled and a
// button offers to reload, rather than moving the map and list under the analyst's hands.
const STATUS_POLL_MS = 30000;
let knownEvents = null;
let addedEvents = 0;

async function checkStatus() {
  const status = await get('status');
  knownEvents ??= status.events;
  addedEvents = status.events - knownEvents;
  showNewEvents();
}

function showNewEvents() {
  const button = $('#new-events');
  button.hidden = addedEvents <= 0;
  button.textContent = t('newEvents', { n: num(addedEvents) });
}

async function watchStatus() {
  try {
    await checkStatus();
  } catch {
    // A failed poll is retried at the next one; the page keeps what it shows.
  }
  setTimeout(watchStatus, STATUS_POLL_MS);
}

function loadNewEvents() {
  addedEvents = 0;
  showNewEvents();
  knownEvents = null;
  loadActors();
  loadCountries();
  if (state.view === 'movement') loadMovement().catch(showError);
  else reload().catch(showError);
  get('status').then((s) => { knownEvents = s.events; }).catch(() => {});
}

function showError(e) {
  console.error(e);
  const message = e instanceof ApiError ? `${e.status}: ${e.message}` : String(e?.message ?? e);
  setStatus(t('loadFailed', { error: message }));
  $('#status').classList.add('error');
}

// ---------------------------------------------------------------- detail and article

async function openEvent(id) {
  state.eventId = Number(id);
  writeHash();
  const panel = $('#detail');
  panel.hidden = false;
  clear($('#detail-body')).append(el('p', { class: 'muted' }, t('loading')));
  $('#detail-title').textContent = t('eventTitle', { id: num(state.eventId) });
  for (const item of $$('.event-item')) item.classList.toggle('selected', Number(item.dataset.id) === state.eventId);
  try {
    data.detail = await get(`events/${state.eventId}`);
    if (data.detail.event.id !== state.eventId) return;
    data.article = null;
    data.articleEventId = null;
    renderDetail();
  } catch (e) {
    clear($('#detail-body')).append(el('p', { class: 'error' }, t('loadFailed', { error: e.message })));
  }
}

function closeDetail() {
  $('#detail').hidden = true;
  state.eventId = null;
  data.detail = null;
  data.article = null;
  for (const item of $$('.event-item.selected')) item.classList.remove('selected');
  writeHash();
}

function renderDetail() {
  const d = data.detail;
  if (!d || $('#detail').hidden) return;
  const e = d.event;
  $('#detail-title').textContent = t('eventTitle', { id: num(e.id) });
  const body = clear($('#detail-body'));
  body.append(el('div', { class: `detail-type t-${e.type}` }, el('span', { class: 'swatch' }), typeLabel(e.type), ' · ', subtypeLabel(e.subtype)));

  const rows = [
    ['fieldActor1', e.actor1 ? el('bdi', null, e.actor1) : null],
    ['fieldActor2', e.actor2 ? el('bdi', null, e.actor2) : null],
    ['fieldPlace', e.place ? placeDetail(e.place) : null],
    ['fieldOrigin', e.origin ? placeDetail(e.origin) : null],
    ['fieldDate', e.date ? [dateText(e.date), ' ', el('span', { class: 'muted' }, `(${t('fieldPrecision', { p: precisionLabel(e.date.precision) })})`)] : null],
    ['fieldCertainty', el('span', { class: `cert cert-${e.certainty}` }, certaintyLabel(e.certainty))],
    ['fieldReportedBy', e.reported_by ? el('bdi', null, e.reported_by) : null],
    ['fieldFatalities', e.fatalities != null ? num(e.fatalities) : null],
    ['fieldQuantities', Object.keys(e.quantities ?? {}).length ? Object.entries(e.quantities).map(([k, v]) => `${k}: ${num(v)}`).join(' · ') : null],
    ['fieldMentions', num(e.mentions)],
  ];
  const dl = el('dl', { class: 'fields' });
  for (const [key, value] of rows) dl.append(el('dt', null, t(key)), el('dd', { dataset: { field: key } }, value ?? el('span', { class: 'muted' }, t('notCoded'))));
  body.append(dl);
  body.append(el('blockquote', { class: 'evidence detail-evidence', dir: 'auto' }, e.evidence));
  const marker = markers.get(e.id);
  if (marker && clusters.hasLayer(marker) && state.view === 'events') {
    body.append(el('button', { type: 'button', class: 'link-button', on: { click: () => clusters.zoomToShowLayer(marker, () => openPointPopup(marker)) } }, t('showOnMap')));
  }

  body.append(el('h3', null, t('sources')));
  const sources = el('ol', { class: 'sources' });
  for (const m of d.mentions) {
    const a = m.article;
    sources.append(el('li', { class: 'source', dataset: { eventId: m.event_id, articleId: a.id } },
      el('div', { class: 'source-title', dir: 'auto' }, a.title || a.id),
      el('div', { class: 'muted' }, [a.source ? el('bdi', null, a.source) : '', a.published ? ` · ${a.published}` : '', ' · ',
        el('span', { class: `cert cert-${m.certainty}` }, certaintyLabel(m.certainty))]),
      m.reported_by ? el('div', { class: 'muted' }, `${t('fieldReportedBy')}: `, el('bdi', null, m.reported_by)) : '',
      m.merge_reason ? el('div', { class: 'muted' }, t('mergeReason', { reason: m.merge_reason })) : '',
      el('blockquote', { class: 'evidence', dir: 'auto' }, m.evidence),
      el('button', { type: 'button', class: 'read-article', on: { click: () => openArticle(a.id, m.event_id) } }, t('readArticle'))));
  }
  body.append(sources);
  body.append(el('section', { id: 'article-view', class: 'article-view', hidden: true }));
  if (data.article) renderArticle();
}

function placeDetail(p) {
  const parts = [el('bdi', null, p.name)];
  if (p.country) parts.push(`${comma()}${countryName(p.country)}`);
  parts.push(' ', el('span', { class: 'muted' }, `(${t('fieldPrecision', { p: precisionLabel(p.precision) })}${p.lat != null ? `; ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : ''})`));
  return parts;
}

async function openArticle(articleId, eventId) {
  const view = $('#article-view');
  view.hidden = false;
  clear(view).append(el('p', { class: 'muted' }, t('loading')));
  try {
    data.article = await get(`articles/${encodeURIComponent(articleId)}`);
    data.articleEventId = eventId;
    renderArticle();
    const first = $('#article-view mark[data-evidence-start]');
    first?.scrollIntoView({ block: 'center' });
  } catch (e) {
    clear(view).append(el('p', { class: 'error' }, t('loadFailed', { error: e.message })));
  }
}

function renderArticle() {
  const a = data.article;
  const view = $('#article-view');
  if (!a || !view) return;
  view.hidden = false;
  const event = a.events.find((x) => x.event_id === data.articleEventId) ?? null;
  clear(view).append(el('h3', null, t('article')));
  view.append(el('h4', { class: 'article-title', dir: 'auto' }, a.title || a.id));
  const meta = el('div', { class: 'muted article-meta' });
  if (a.source) meta.append(el('bdi', null, a.source), ' · ');
  if (a.published) meta.append(t('published', { date: a.published }));
  if (a.url && /^https?:\/\//i.test(a.url)) {
    meta.append(' · ', el('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank', dir: 'ltr' }, a.url.length > 60 ? a.url.slice(0, 60) + '…' : a.url));
  }
  if (a.duplicate_of) meta.append(el('div', null, t('duplicateOf', { id: a.duplicate_of, reason: a.duplicate_reason ?? '' })));
  view.append(meta);
  if (event) {
    const key = el('div', { class: 'hl-key' });
    for (const role of rolesOf(event)) {
      const cls = role === 'evidence' ? 'hl-evidence' : role === 'trigger' ? 'hl-trigger' : `hl-arg hl-${role}`;
      key.append(el('mark', { class: `hl ${cls}` }, role === 'evidence' ? t('hlEvidence') : role === 'trigger' ? t('hlTrigger') : roleLabel(role)));
    }
    view.append(key);
  }
  view.append(highlightedText(a.text, event));
  if (a.events.length > 0) {
    view.append(el('h4', null, t('articleEvents')));
    const list = el('ul', { class: 'article-events' });
    for (const x of a.events) {
      list.append(el('li', null, el('button', {
        type: 'button',
        class: `link-button t-${x.type}${x.event_id === data.articleEventId ? ' current' : ''}`,
        dataset: { eventId: x.event_id },
        on: {
          click: () => {
            data.articleEventId = x.event_id;
            renderArticle();
            $('#article-view mark[data-evidence-start]')?.scrollIntoView({ block: 'center' });
          },
        },
      }, el('span', { class: 'swatch' }), `${typeLabel(x.type)} · ${subtypeLabel(x.subtype)} · ${certaintyLabel(x.certainty)}`),
      x.merged_id !== data.detail?.event.id ? el('button', { type: 'button', class: 'link-button small', on: { click: () => openEvent(x.merged_id) } }, t('details')) : ''));
    }
    view.append(list);
  }
}

// ---------------------------------------------------------------- movement view

async function switchView(view, { initial = false } = {}) {
  if (view === state.view && !initial) return;
  state.view = view;
  for (const tab of $$('.views [data-view]')) tab.setAttribute('aria-selected', String(tab.dataset.view === view));
  $('#events-panel').hidden = view !== 'events';
  $('#movement-panel').hidden = view !== 'movement';
  document.body.dataset.view = view;
  map.closePopup();
  if (view === 'movement') {
    map.removeLayer(clusters);
    if (legendControl.getContainer()) legendControl.getContainer().hidden = true;
    if (!state.movementActor && state.filters.actor) state.movementActor = state.filters.actor;
    $('#m-actor').value = state.movementActor;
    if (state.movementActor) await loadMovement();
    else renderMovement();
  } else {
    if (movementGroup) map.removeLayer(movementGroup);
    movementGroup = null;
    map.addLayer(clusters);
    if (legendControl.getContainer()) legendControl.getContainer().hidden = false;
    if (initial || data.page === null) await reload({ fit: true });
    else await reload({ points: false, weeks: true });
  }
  writeHash();
  updateStatus();
}

async function loadMovement({ keepWeeks = false } = {}) {
  const actor = state.movementActor;
  if (!actor) return;
  const id = ++loads.movement;
  writeHash();
  clear($('#movement-result')).append(el('p', { class: 'muted' }, t('loading')));
  try {
    const [report] = await Promise.all([
      get('movement', { actor, from: state.filters.from, to: state.filters.to }),
      keepWeeks ? null : loadWeeks({ actor, type: null, country: null, certainty: null, q: null, bbox: null }),
    ]);
    if (id !== loads.movement) return;
    data.movement = report;
    timeline.setSelection(state.filters.from, state.filters.to);
    updateRangeLabel();
    renderMovement({ fit: true });
  } catch (e) {
    clear($('#movement-result')).append(el('p', { class: 'error' }, t('loadFailed', { error: e.message })));
  }
}

function renderMovement({ fit = false } = {}) {
  const box = clear($('#movement-result'));
  if (movementGroup) map.removeLayer(movementGroup);
  movementGroup = null;
  const r = data.movement;
  if (!r || state.view !== 'movement') {
    if (state.view === 'movement') box.append(el('p', { class: 'muted' }, t('movementNone')));
    return;
  }
  const drawn = movementLayer(map, r, { onOpenEvent: openEvent });
  movementGroup = drawn.layer.addTo(map);
  // The moves are what this view is about: fit them when there are any (the track may span the world).
  const focus = drawn.moveBounds ?? drawn.bounds;
  if (fit && focus) map.fitBounds(focus.pad(0.25), { maxZoom: 6, animate: false });

  box.dataset.actor = r.actor;
  box.dataset.moves = r.moves.length;
  box.dataset.track = r.track.length;
  if (r.track.length === 0 && r.moves.length === 0) {
    box.append(el('p', { class: 'movement-headline' }, t('movementEmpty', { actor: r.actor })));
    return;
  }
  const period = r.from && r.to ? t('movementPeriodText', { from: r.from, to: r.to }) : '';
  box.append(el('p', { class: 'movement-headline' }, t('movementHeadline', { actor: r.actor, n: num(r.track.length), period, m: num(r.moves.length) })));
  if (r.truncated) box.append(el('p', { class: 'warning' }, t('movementTruncated')));

  // The keys: the date ramp of the track and the line style of each certainty.
  box.append(el('div', { class: 'mv-key' },
    el('div', null, t('trackLegend')),
    el('div', { class: 'ramp', style: { background: RAMP_CSS }, dir: 'ltr' }),
    el('div', { class: 'ramp-labels', dir: 'ltr' }, el('span', null, drawn.range.from ?? ''), el('span', null, drawn.range.to ?? '')),
    el('div', { class: 'muted' }, t('arrowLegend'))));

  box.append(el('h3', null, t('regions')));
  if (r.regions.length === 0) box.append(el('p', { class: 'muted' }, t('regionsEmpty')));
  else {
    const table = el('table', { class: 'regions' });
    for (const g of r.regions) {
      table.append(el('tr', { class: `trend-${g.trend}`, dataset: { region: g.region, trend: g.trend } },
        el('td', null, countryName(g.region)),
        el('td', { class: 'num' }, `${num(g.earlier)} ${dir() === 'rtl' ? '←' : '→'} ${num(g.later)}`),
        el('td', null, el('span', { class: `trend trend-${g.trend}` }, trendArrow(g.trend), ' ', t(`trend_${g.trend}`)))));
    }
    box.append(table);
  }

  box.append(el('h3', null, t('moves')));
  if (r.moves.length === 0) box.append(el('p', { class: 'muted' }, t('movesEmpty')));
  else {
    const list = el('ol', { class: 'moves' });
    for (const m of r.moves) {
      const route = routeText(m, (p) => p.name);
      const at = m.destination ?? m.origin;
      list.append(el('li', null, el('button', {
        type: 'button', class: 'move-item', dataset: { eventId: m.event_id, certainty: m.certainty },
        on: { click: () => { if (at?.lat != null) map.flyTo([at.lat, at.lon], Math.max(map.getZoom(), 5), { duration: 0.5 }); openEvent(m.event_id); } },
      },
      el('span', { class: 'move-line', dir: 'ltr' }, lineSample(m.certainty)),
      el('span', { class: 'move-route' }, route),
      el('span', { class: 'muted' }, ` ${m.date ?? ''} · `, el('span', { class: `cert cert-${m.certainty}` }, certaintyLabel(m.certainty))),
      el('span', { class: 'event-evidence', dir: 'auto' }, m.evidence))));
    }
    box.append(list);
  }

  box.append(el('h3', null, t('serverSummary')));
  // The server writes the summary in both languages; an older server sends English only.
  const summaryLang = r.summaries?.[lang()] ? lang() : 'en';
  box.append(el('p', { class: 'movement-summary', lang: summaryLang, dir: summaryLang === 'ar' ? 'rtl' : 'ltr' }, r.summaries?.[summaryLang] ?? r.summary));
}

function trendArrow(trend) {
  return trend === 'rising' || trend === 'new' ? '▲' : trend === 'falling' || trend === 'gone' ? '▼' : '=';
}

function lineSample(certainty) {
  const svgNs = 'http://www.w3.org/2000/svg';
  const s = document.createElementNS(svgNs, 'svg');
  s.setAttribute('width', '36');
  s.setAttribute('height', '8');
  const line = document.createElementNS(svgNs, 'line');
  for (const [k, v] of Object.entries({ x1: 2, y1: 4, x2: 34, y2: 4, stroke: '#9f1239', 'stroke-width': 3, 'stroke-linecap': 'round' })) line.setAttribute(k, v);
  const dash = dashFor(certainty);
  if (dash) line.setAttribute('stroke-dasharray', dash);
  s.append(line);
  return s;
}

// ---------------------------------------------------------------- URL hash: shareable state

function writeHash() {
  const p = new URLSearchParams();
  if (state.view !== 'events') p.set('view', state.view);
  for (const [k, v] of Object.entries(state.filters)) {
    const text = Array.isArray(v) ? v.join(',') : v;
    if (text) p.set(k, text);
  }
  if (state.view === 'movement' && state.movementActor) p.set('mactor', state.movementActor);
  if (state.order !== 'newest') p.set('order', state.order);
  if (state.eventId) p.set('event', state.eventId);
  const hash = p.toString();
  history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const f = state.filters;
  const day = (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s ?? '') ? s : '');
  f.from = day(p.get('from'));
  f.to = day(p.get('to'));
  f.type = p.get('type') ?? '';
  f.actor = p.get('actor') ?? '';
  f.country = /^[A-Za-z]{2}$/.test(p.get('country') ?? '') ? p.get('country').toUpperCase() : '';
  f.q = p.get('q') ?? '';
  f.certainty = (p.get('certainty') ?? '').split(',').filter(Boolean);
  if (p.get('view') === 'movement') state.view = 'movement';
  state.movementActor = p.get('mactor') ?? '';
  state.order = p.get('order') === 'stored' ? 'stored' : 'newest';
  const event = Number(p.get('event'));
  state.eventId = Number.isInteger(event) && event > 0 ? event : null;
}

window.addEventListener('error', (e) => showError(e.error ?? e.message));
start();
