// The movement view's map layer: an actor's located events as a track ordered earlier → later (a colour
// ramp by date, numbered, joined by a thin line) and the movements the texts report as arrows from
// origin to destination, their line style telling how certain the text is. A move whose origin the
// text does not name is a marker at its destination; a departure whose destination it does not name
// ("fled Sirte") is a marker pointing out of the place left. Leaflet is the global L (lib/leaflet/leaflet.js).
import { el, svg } from './dom.js';
import { certaintyLabel, countryName, subtypeLabel, t, typeLabel, dir } from './i18n.js';

/* global L */

// Two ramps joined: pale yellow (earliest) through orange-red to deep purple (latest).
const RAMP = [[254, 224, 139], [233, 84, 48], [84, 23, 110]];

export function rampColor(f) {
  const x = Math.max(0, Math.min(1, f)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const k = x - i;
  const c = RAMP[i].map((v, j) => Math.round(v + (RAMP[i + 1][j] - v) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export const RAMP_CSS = `linear-gradient(to right, ${rampColor(0)}, ${rampColor(0.5)}, ${rampColor(1)})`;

// Line patterns per certainty: solid when confirmed, dashed when reported, dotted when speculative or unconfirmed.
export function dashFor(certainty) {
  switch (certainty) {
    case 'confirmed': return null;
    case 'reported': return '10 7';
    case 'planned': return '12 5 2 5';
    case 'denied': return '1 10';
    default: return '1.5 7'; // speculative, unconfirmed
  }
}

const dayMs = (iso) => (iso ? Date.parse(iso + 'T00:00:00Z') : NaN);

function placeText(p) {
  if (!p) return '';
  return p.country ? `${p.name} (${countryName(p.country)})` : p.name;
}

/**
 * Builds the layer for one /api/movement report.
 * @returns {{layer: L.FeatureGroup, bounds: L.LatLngBounds|null, range: {from: string|null, to: string|null}}}
 */
export function movementLayer(map, report, { onOpenEvent }) {
  const group = L.featureGroup();
  const track = report.track ?? [];
  const times = track.map((p) => dayMs(p.date)).filter((x) => !Number.isNaN(x));
  const min = times.length ? Math.min(...times) : 0;
  const max = times.length ? Math.max(...times) : 0;
  const fraction = (iso) => (max > min && !Number.isNaN(dayMs(iso)) ? (dayMs(iso) - min) / (max - min) : 0);

  // The track in time order, as a thin line under everything else.
  if (track.length > 1) {
    L.polyline(track.map((p) => [p.place.lat, p.place.lon]), {
      className: 'mv-trackline', color: '#4b5563', weight: 1.5, opacity: 0.55, dashArray: '3 5', interactive: false,
    }).addTo(group);
  }

  // One numbered marker per place; its number(s) give the order of the events there.
  const byPlace = new Map();
  track.forEach((p, i) => {
    const key = `${p.place.lat},${p.place.lon}`;
    if (!byPlace.has(key)) byPlace.set(key, []);
    byPlace.get(key).push({ ...p, order: i + 1 });
  });
  for (const points of byPlace.values()) {
    const first = points[0];
    const orders = points.map((p) => p.order);
    const label = orders.length <= 3 ? orders.join(',') : `${orders[0]}…${orders[orders.length - 1]}`;
    const badge = el('span', { class: 'mv-track-badge', style: { background: rampColor(fraction(first.date)) } }, label);
    if (fraction(first.date) > 0.55) badge.classList.add('dark');
    const marker = L.marker([first.place.lat, first.place.lon], {
      icon: L.divIcon({ className: 'mv-track', html: badge, iconSize: null }),
      keyboard: false,
      riseOnHover: true,
    });
    marker.bindTooltip(() => trackTooltip(points), { direction: 'top', offset: [0, -8] });
    marker.on('click', () => onOpenEvent(points[points.length - 1].event_id));
    marker.addTo(group);
  }

  // Moves: an arrow from origin to destination, or a marker at the destination when no origin is named.
  const crs = map.options.crs;
  const moveBounds = L.latLngBounds([]);
  for (const move of report.moves ?? []) {
    const d = move.destination;
    if (!d && move.origin && move.origin.lat != null && move.origin.lon != null) {
      const left = L.latLng(move.origin.lat, move.origin.lon);
      moveBounds.extend(left);
      const ring = svg('svg', { width: 26, height: 26, viewBox: '0 0 26 26' },
        svg('circle', { cx: 13, cy: 13, r: 10, class: 'mv-dest-ring', 'stroke-dasharray': dashFor(move.certainty) ?? '' }),
        svg('path', { d: 'M13 17 L13 6 M9 10 L13 6 L17 10', class: 'mv-dest-arrow' }));
      const marker = L.marker(left, {
        icon: L.divIcon({ className: `mv-departure mv-${move.certainty}`, html: ring, iconSize: [26, 26], iconAnchor: [13, 13] }),
        keyboard: false,
        zIndexOffset: 500,
      });
      marker.bindPopup(() => movePopup(move, onOpenEvent));
      marker.addTo(group);
      continue;
    }
    if (!d || d.lat == null || d.lon == null) continue;
    const dest = L.latLng(d.lat, d.lon);
    moveBounds.extend(dest);
    const popup = () => movePopup(move, onOpenEvent);
    if (move.origin && move.origin.lat != null && move.origin.lon != null) {
      const origin = L.latLng(move.origin.lat, move.origin.lon);
      moveBounds.extend(origin);
      const line = L.polyline([origin, dest], {
        className: `mv-move mv-${move.certainty}`, color: '#9f1239', weight: 3, opacity: 0.9, dashArray: dashFor(move.certainty), lineCap: 'round',
      });
      line.bindPopup(popup);
      line.addTo(group);
      // Web Mercator is conformal and zooms uniformly, so the on-screen angle is the same at every zoom.
      const a = crs.latLngToPoint(origin, 0);
      const b = crs.latLngToPoint(dest, 0);
      const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      const head = svg('svg', { width: 22, height: 22, viewBox: '0 0 22 22', class: 'mv-arrowhead-svg' },
        svg('polygon', { points: '2,4 20,11 2,18 6,11', transform: `rotate(${angle.toFixed(1)} 11 11)` }));
      const arrow = L.marker(dest, {
        icon: L.divIcon({ className: `mv-arrowhead mv-${move.certainty}`, html: head, iconSize: [22, 22], iconAnchor: [11 + 9 * Math.cos((angle * Math.PI) / 180), 11 + 9 * Math.sin((angle * Math.PI) / 180)] }),
        keyboard: false,
      });
      arrow.bindPopup(popup);
      arrow.addTo(group);
    } else {
      const ring = svg('svg', { width: 26, height: 26, viewBox: '0 0 26 26' },
        svg('circle', { cx: 13, cy: 13, r: 10, class: 'mv-dest-ring', 'stroke-dasharray': dashFor(move.certainty) ?? '' }),
        svg('path', { d: 'M13 5 L13 15 M9 11 L13 15 L17 11', class: 'mv-dest-arrow' }));
      const marker = L.marker(dest, {
        icon: L.divIcon({ className: `mv-dest mv-${move.certainty}`, html: ring, iconSize: [26, 26], iconAnchor: [13, 13] }),
        keyboard: false,
        zIndexOffset: 500,
      });
      marker.bindPopup(popup);
      marker.addTo(group);
    }
  }

  const bounds = group.getLayers().length ? group.getBounds() : null;
  return {
    layer: group,
    bounds: bounds && bounds.isValid() ? bounds : null,
    moveBounds: moveBounds.isValid() ? moveBounds : null,
    range: { from: times.length ? new Date(min).toISOString().slice(0, 10) : null, to: times.length ? new Date(max).toISOString().slice(0, 10) : null },
  };
}

function trackTooltip(points) {
  return el('div', { class: 'mv-tooltip', dir: dir() },
    el('strong', null, placeText(points[0].place)),
    el('ol', null, points.map((p) => el('li', { value: p.order },
      `${p.date ?? '?'}${p.date_from_article ? ` (${t('dateFromArticle')})` : ''} · ${typeLabel(p.type)} · ${certaintyLabel(p.certainty)}`))));
}

export function movePopup(move, onOpenEvent) {
  const route = routeText(move, placeText);
  return el('div', { class: 'popup mv-popup', dir: dir() },
    el('div', { class: 'popup-title' }, subtypeLabel(move.subtype)),
    el('div', { class: 'mv-route' }, route),
    el('div', { class: 'popup-meta' }, [move.date ?? '?', move.date_from_article ? ` (${t('dateFromArticle')})` : '', ' · ', el('span', { class: `cert cert-${move.certainty}` }, certaintyLabel(move.certainty))]),
    move.reported_by ? el('div', { class: 'popup-meta' }, `${t('fieldReportedBy')}: `, el('bdi', null, move.reported_by)) : null,
    el('blockquote', { class: 'evidence', dir: 'auto' }, move.evidence),
    el('button', { type: 'button', class: 'link-button', on: { click: () => onOpenEvent(move.event_id) } }, t('openDetails')));
}

/** "origin → destination", "→ destination (origin not given)" or "left origin (destination not given)". */
export function routeText(move, name) {
  if (move.origin && move.destination) return t('moveFromTo', { origin: name(move.origin), destination: name(move.destination) });
  if (move.destination) return t('moveTo', { destination: name(move.destination) });
  return t('moveFrom', { origin: name(move.origin) });
}
