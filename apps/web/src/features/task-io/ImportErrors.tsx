import type { ImportResult, Problem } from '@pilotage/contracts';
import { useT } from '../../i18n/index.tsx';

/**
 * The outcome of a check: rows read and what would be created, or every error by row and column (from the
 * dry run's result, or from the problem+json of a refused import).
 */
export function ImportErrors({ result, problem }: { result?: ImportResult; problem?: Problem }) {
  const t = useT();
  const rows = result
    ? result.errors.map((e) => ({ row: String(e.row), column: e.column, message: e.message }))
    : (problem?.errors ?? []).map((e) => {
        const m = /^rows\.(\d+)\./.exec(e.path);
        const [column, ...rest] = e.message.split(': ');
        return {
          row: m?.[1] ?? '—',
          column: rest.length ? (column ?? '') : '',
          message: rest.length ? rest.join(': ') : e.message,
        };
      });
  return (
    <section aria-labelledby="import-result" aria-live="polite">
      <h2 id="import-result">{t('programme.checkResult')}</h2>
      {result && rows.length > 0 && <p>{t('programme.rowsRead', { rows: result.rows })}</p>}
      {result && rows.length === 0 && (
        <p>
          {t('programme.checkSummary', {
            rows: result.rows,
            tasks: result.wouldCreate.tasks,
            assignments: result.wouldCreate.assignments,
          })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="notice notice-success">{t('programme.noErrors')}</p>
      ) : (
        <>
          <p className="notice notice-error" role="alert">
            {t('programme.errorCount', { count: rows.length })}
          </p>
          <div className="table-wrap" role="region" aria-labelledby="import-result" tabIndex={0}>
            <table className="table table-stack" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('programme.row')}</th>
                  <th scope="col">{t('programme.column')}</th>
                  <th scope="col">{t('programme.error')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e, i) => (
                  <tr key={i}>
                    <td data-label={t('programme.row')}>{e.row}</td>
                    <td data-label={t('programme.column')}>{e.column}</td>
                    <td data-label={t('programme.error')}>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
