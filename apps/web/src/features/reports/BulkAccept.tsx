import { reviewQueueRoutes, type BulkAcceptResult, type ReviewQueueItem } from '@pilotage/contracts';
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useUnitName } from '../org/org.ts';
import { useSend } from './reports.ts';
import { fingerprint, withRetry } from './transport.ts';

/**
 * The bulk decision under the queue: "accept N selected", a confirmation that says what will happen, then
 * the outcome (accepted, already accepted, refused with the server's reason per report). One request with
 * one idempotency key: a retry after a lost answer replays it instead of deciding twice.
 */
export function BulkAccept({
  selected,
  items,
  onClear,
  onDone,
}: {
  selected: string[];
  items: ReviewQueueItem[];
  onClear: () => void;
  onDone: (result: BulkAcceptResult) => void;
}) {
  const t = useT();
  const id = useId();
  const send = useSend();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const count = selected.length;
  if (count === 0) return null;

  const accept = async () => {
    setBusy(true);
    setError(null);
    const key = `bulk-accept-${Date.now()}-${fingerprint(selected.join(','))}`;
    try {
      const result = await withRetry(() =>
        send(reviewQueueRoutes.acceptMany, { body: { ids: selected } }, { idempotencyKey: key }),
      );
      setConfirming(false);
      onDone(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t('review.selected', { count })}>
      <p className="bulk-count" aria-live="polite">
        {t('review.selected', { count })}
      </p>
      {!confirming ? (
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => setConfirming(true)}>
            {t('review.acceptSelected', { count })}
          </button>
          <button type="button" className="button button-secondary" onClick={onClear}>
            {t('review.clearSelection')}
          </button>
        </div>
      ) : (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="bulk-title">
            {t('review.confirmTitle', { count })}
          </h2>
          <p>{t('review.confirmText')}</p>
          <ConfirmList ids={selected} items={items} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              autoFocus
              onClick={() => void accept()}
            >
              {busy ? t('report.working') : t('review.confirmAccept', { count })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

function ConfirmList({ ids, items }: { ids: string[]; items: ReviewQueueItem[] }) {
  const nameOf = useUnitName();
  const shown = items.filter((i) => ids.includes(i.id));
  return (
    <ul className="bulk-list small">
      {shown.slice(0, 8).map((i) => (
        <li key={i.id}>
          <span className="title-code">{i.taskCode}</span> {nameOf(i.unit)}
        </li>
      ))}
      {shown.length > 8 && <li>…</li>}
    </ul>
  );
}

/** What the last bulk decision did, with the reason each refused report was refused. */
export function BulkOutcome({ result, items }: { result: BulkAcceptResult; items: ReviewQueueItem[] }) {
  const t = useT();
  const nameOf = useUnitName();
  const label = (reportId: string) => {
    const item = items.find((i) => i.id === reportId);
    return item ? `${item.taskCode} – ${nameOf(item.unit)}` : reportId.slice(0, 8);
  };
  const refused = result.results.filter((r) => r.outcome === 'refused');
  return (
    <div className={`notice ${refused.length ? 'notice-warning' : 'notice-success'}`} role="status">
      <p>{t('review.bulkDone', { accepted: result.accepted })}</p>
      {result.alreadyAccepted > 0 && <p>{t('review.bulkAlready', { count: result.alreadyAccepted })}</p>}
      {refused.length > 0 && (
        <>
          <p>{t('review.bulkRefused', { count: refused.length })}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.id}>
                {label(r.id)}: {r.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
