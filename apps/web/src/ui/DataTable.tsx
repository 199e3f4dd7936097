import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { ErrorNotice, Loading } from './ErrorNotice.tsx';

/** One column: its header, also the cell's `data-label` for the phone card layout, and its cell. */
export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
}

interface Props<T> {
  /** Id of the (visually hidden) caption, which also names the scrollable region. */
  id: string;
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}

/** A scrollable, captioned table that stacks into cards on phones (`table-stack` + `data-label`). */
export function DataTable<T>({ id, caption, columns, rows, rowKey }: Props<T>) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="table table-stack">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.label} data-label={c.label}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ListQuery<T> {
  data?: { items: T[] } | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A list query as a page shows it: the failure with a retry, "loading" until the first answer, then the
 * table, "empty" when there is no row, and whatever follows it (pagination).
 */
export function QueryTable<T>({
  query,
  footer,
  ...table
}: Omit<Props<T>, 'rows'> & { query: ListQuery<T>; footer?: ReactNode }) {
  const t = useT();
  return (
    <>
      {query.error ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!query.data && !query.error && <Loading />}
      {query.data && (
        <>
          <DataTable {...table} rows={query.data.items} />
          {query.data.items.length === 0 && <p>{t('common.empty')}</p>}
          {footer}
        </>
      )}
    </>
  );
}
