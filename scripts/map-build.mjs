// `npm run map:build`: simplifies the 34 province boundaries (8 MB, full resolution) into one small GeoJSON
// for the dashboards' map, with mapshaper. `keep-shapes` keeps every island, so the Hoàng Sa (Đà Nẵng) and
// Trường Sa (Khánh Hòa) archipelagos stay visible. Reads the shared data set only at build time; the result
// is committed with its attribution (SOURCE.md) and licence beside it, and the web build serves it as a
// content-hashed asset (immutable caching).
import { copyFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.resolve(
  process.argv[2] ?? path.join(root, '..', 'shared', 'data', 'vn-admin-units', 'provinces-geojson'),
);
const outDir = path.join(root, 'apps', 'web', 'src', 'features', 'kpi', 'map');
const out = path.join(outDir, 'vn-provinces.geo.json');
const MAX_BYTES = 150 * 1024;

const files = (await readdir(from)).filter((f) => f.endsWith('.geojson')).sort();
if (files.length !== 34) throw new Error(`expected 34 province files in ${from}, found ${files.length}`);
const input = {};
for (const f of files) input[f] = await readFile(path.join(from, f), 'utf8');

const cmd =
  `-i ${files.join(' ')} combine-files -merge-layers name=provinces ` +
  '-simplify 2% keep-shapes -filter-fields code,name,nameEn ' +
  '-o vn-provinces.geo.json format=geojson precision=0.001';
const output = await mapshaper.applyCommands(cmd, input);
const geo = JSON.parse(String(output['vn-provinces.geo.json']));
const codes = geo.features.map((f) => f.properties.code).sort();
if (new Set(codes).size !== 34) throw new Error('the simplified map lost a province');
for (const [code, name] of [
  ['48', 'Hoàng Sa'],
  ['56', 'Trường Sa'],
]) {
  const f = geo.features.find((x) => x.properties.code === code);
  const easternmost = Math.max(...f.geometry.coordinates.flat(2).map((p) => p[0]));
  if (easternmost < 111) throw new Error(`${name} archipelago missing from province ${code}`);
}
await writeFile(out, JSON.stringify(geo) + '\n');
const shared = path.dirname(from);
await copyFile(path.join(shared, 'LICENSE'), path.join(outDir, 'LICENSE'));
const size = (await stat(out)).size;
console.log(`${path.relative(root, out)}: ${geo.features.length} provinces, ${(size / 1024).toFixed(1)} KB`);
if (size > MAX_BYTES) throw new Error(`map is ${size} bytes, over the ${MAX_BYTES} budget`);
