import { useSearchParams } from 'react-router-dom';

/**
 * The "as of" date travels in the URL (`?asOf=YYYY-MM-DD`) from the overview down to the task, the
 * assignment and the report, and back through breadcrumbs (issue 8, bug 3): every page of the drill-down
 * shows the same figures. Absent means today.
 */
export function useAsOf(): string | undefined {
  const [params] = useSearchParams();
  return asOfParam(params.get('asOf'));
}

/** A usable asOf from a query value (an ISO date), else undefined. */
export function asOfParam(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** `path` with `asOf` added to its query (kept as is when asOf is undefined). */
export function withAsOf(path: string, asOf: string | undefined): string {
  if (!asOf) return path;
  const [base, query = ''] = path.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.set('asOf', asOf);
  return `${base}?${params.toString()}`;
}
