import { useT } from '../i18n/index.tsx';

interface Props {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

/** Previous / next with "1–50 of 120"; hidden when everything fits on one page. */
export function Pagination({ offset, limit, total, onChange }: Props) {
  const t = useT();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        ← {t('common.previous')}
      </button>
      <span aria-live="polite">{t('common.pageInfo', { from, to, total })}</span>
      <button
        type="button"
        className="button button-secondary"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
      >
        {t('common.next')} →
      </button>
    </nav>
  );
}
