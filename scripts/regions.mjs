#!/usr/bin/env node
// Converts the GB/T 2260 divisions of the npm package @vant/area-data (MIT, see
// THIRD_PARTY_NOTICES.md) into the file `lianyin init` imports:
//   {"source": "@vant/area-data", "version": "2.1.0", "regions": [{"code","name","parent"}...]}
// Usage: node scripts/regions.mjs OUT.json
//
// The package also lists, as if they were counties, the towns of cities that have no counties
// (东莞, 中山, 儋州, ...) and invented codes below Taiwan, Hong Kong and Macao. GB/T 2260 has none of
// them, so they are left out: those regions stay at province or city level.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, '../web/package.json'));
const pkg = require('@vant/area-data/package.json');
const { areaList } = require('@vant/area-data');

const kNation = '100000';
const kProvinceOnly = new Set(['71', '81', '82']);  // Taiwan, Hong Kong, Macao
const isTownLike = (name) => /(镇|乡|街道)$/.test(name);

const regions = [];
for (const [code, name] of Object.entries(areaList.province_list)) {
  regions.push({ code, name, parent: kNation });
}
for (const [code, name] of Object.entries(areaList.city_list)) {
  if (kProvinceOnly.has(code.slice(0, 2))) continue;
  regions.push({ code, name, parent: `${code.slice(0, 2)}0000` });
}
// A city any of whose "counties" is a town has no counties at all: drop them all.
const townCities = new Set(Object.entries(areaList.county_list)
  .filter(([, name]) => isTownLike(name)).map(([code]) => `${code.slice(0, 4)}00`));
for (const [code, name] of Object.entries(areaList.county_list)) {
  const city = `${code.slice(0, 4)}00`;
  if (kProvinceOnly.has(code.slice(0, 2)) || townCities.has(city)) continue;
  regions.push({ code, name, parent: areaList.city_list[city] ? city : `${code.slice(0, 2)}0000` });
}
const codes = new Set(regions.map((r) => r.code));
for (const r of regions) {
  if (!/^\d{6}$/.test(r.code)) throw new Error(`bad code ${r.code}`);
  if (r.parent !== kNation && !codes.has(r.parent)) throw new Error(`orphan ${r.code}`);
}

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/regions.mjs OUT.json');
mkdirSync(dirname(resolve(out)), { recursive: true });
writeFileSync(out, JSON.stringify({ source: pkg.name, version: pkg.version, regions }));
console.log(`regions: ${regions.length} from ${pkg.name}@${pkg.version} -> ${out}`);
