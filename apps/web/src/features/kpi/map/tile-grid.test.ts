import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TILE_GRID } from './tile-grid.ts';

const geo = JSON.parse(readFileSync(new URL('./vn-provinces.geo.json', import.meta.url), 'utf8')) as {
  features: { properties: { code: string } }[];
};

describe('map data', () => {
  it('the tile grid has one tile per province of the map, no two on one cell', () => {
    const mapCodes = geo.features.map((f) => f.properties.code).sort();
    expect(mapCodes).toHaveLength(34);
    expect(Object.keys(TILE_GRID).sort()).toEqual(mapCodes);
    const cells = Object.values(TILE_GRID).map(([c, r]) => `${c}:${r}`);
    expect(new Set(cells).size).toBe(34);
  });
});
