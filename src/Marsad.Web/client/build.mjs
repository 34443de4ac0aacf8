// Copies the dashboard's npm libraries into ../wwwroot/lib, where the server serves them from
// (the browser never reaches a CDN: the page's CSP allows scripts from the server only).
// Run by Marsad.Web.csproj after `npm ci` whenever the lockfile or this script changed.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const lib = join(here, '..', 'wwwroot', 'lib');

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function version(pkg) {
  return JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8')).version;
}

// A stale file from an earlier version must not linger, so the folder is rebuilt whole.
rmSync(lib, { recursive: true, force: true });

const leaflet = join(modules, 'leaflet', 'dist');
copy(join(leaflet, 'leaflet.js'), join(lib, 'leaflet', 'leaflet.js'));
copy(join(leaflet, 'leaflet.css'), join(lib, 'leaflet', 'leaflet.css'));
for (const image of readdirSync(join(leaflet, 'images')))
  copy(join(leaflet, 'images', image), join(lib, 'leaflet', 'images', image));

const cluster = join(modules, 'leaflet.markercluster', 'dist');
for (const file of ['leaflet.markercluster.js', 'MarkerCluster.css', 'MarkerCluster.Default.css'])
  copy(join(cluster, file), join(lib, 'markercluster', file));

// Country outlines: TopoJSON → GeoJSON here, so that the browser loads plain GeoJSON (.json: the static file server knows that type) and needs no
// topojson code. Coordinates are cut to 3 decimals (~100 m), far finer than the 1:50m outlines
// themselves, which takes the file from about 4 MB to well under half that.
const round = (x) => Math.round(x * 1000) / 1000;
function roundCoords(c) {
  return typeof c[0] === 'number' ? [round(c[0]), round(c[1])] : c.map(roundCoords);
}
// A polygon that crosses the antimeridian (Fiji, Chukotka) jumps from +180 to -180 between two vertices,
// which a flat map draws as a line across the whole world; its western part is moved east of 180 instead.
function unwrapPolygon(rings) {
  const jumps = rings.some((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180));
  return jumps ? rings.map((ring) => ring.map(([x, y]) => [x < 0 ? x + 360 : x, y])) : rings;
}
function unwrap(geometry) {
  if (geometry.type === 'Polygon') geometry.coordinates = unwrapPolygon(geometry.coordinates);
  else if (geometry.type === 'MultiPolygon') geometry.coordinates = geometry.coordinates.map(unwrapPolygon);
}
const topology = JSON.parse(readFileSync(join(modules, 'world-atlas', 'countries-50m.json'), 'utf8'));
const countries = feature(topology, topology.objects.countries);
// Antarctica's outline runs along the edges of the world and would be turned inside out; the map stops short of it.
countries.features = countries.features.filter((f) => f.id !== '010');
for (const f of countries.features) {
  if (f.geometry) {
    unwrap(f.geometry);
    f.geometry.coordinates = roundCoords(f.geometry.coordinates);
  }
  // id is the ISO 3166-1 numeric code; name is Natural Earth's English name.
  f.properties = { id: f.id ?? null, name: f.properties?.name ?? null };
}
mkdirSync(join(lib, 'world'), { recursive: true });
writeFileSync(join(lib, 'world', 'countries-50m.geo.json'), JSON.stringify(countries));

const versions = Object.fromEntries(['leaflet', 'leaflet.markercluster', 'world-atlas', 'topojson-client'].map((p) => [p, version(p)]));
writeFileSync(join(lib, 'versions.json'), JSON.stringify(versions, null, 2) + '\n');
console.log(`client: wrote ${lib} (${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')})`);
