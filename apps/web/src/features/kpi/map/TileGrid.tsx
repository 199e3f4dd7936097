import { Link } from 'react-router-dom';
import { useLang } from '../../../i18n/index.tsx';
import { formatCell } from '../../../ui/charts/dataset.ts';
import { TILE_GRID } from './tile-grid.ts';

interface Tile {
  code: string;
  name: string;
  value: number | null;
}

/** Five colour steps between the lowest and the highest value; no value: grey. */
const bucket = (v: number | null, lo: number, hi: number) =>
  v === null ? 'none' : hi <= lo ? '4' : String(Math.min(4, Math.floor(((v - lo) / (hi - lo)) * 5)));

/** The 34 provinces as equal tiles laid out roughly where they lie (no chart library). */
export function TileGrid({ tiles, linkFor }: { tiles: Tile[]; linkFor?: (code: string) => string }) {
  const [lang] = useLang();
  const values = tiles.map((t) => t.value).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return (
    <ol className="tile-grid" data-testid="tile-grid">
      {tiles
        .filter((t) => TILE_GRID[t.code])
        .map((t) => {
          const [col, row] = TILE_GRID[t.code]!;
          const body = (
            <>
              <span className="tile-name">{t.name}</span>
              <span className="tile-value">
                {t.value === null ? '—' : formatCell(lang, { key: '', label: '', kind: 'percent' }, t.value)}
              </span>
            </>
          );
          return (
            <li key={t.code} className={`tile tile-c${col} tile-r${row} tile-b${bucket(t.value, lo, hi)}`}>
              {linkFor ? <Link to={linkFor(t.code)}>{body}</Link> : body}
            </li>
          );
        })}
    </ol>
  );
}
