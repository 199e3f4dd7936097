import type { ReviewQueueItem } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useT, type Translate } from '../../i18n/index.tsx';
import { useUnitName } from '../org/org.ts';
import { ProgressValue } from '../tasks/StatusBadge.tsx';
import { formatPeriod } from './period.ts';

const DAY = 86_400_000;

/** Whole days a report has waited: since it was sent to the reviewer (or to the lead). */
export function waitingDays(item: Pick<ReviewQueueItem, 'submittedAt' | 'updatedAt'>, now = Date.now()) {
  const since = Date.parse(item.submittedAt ?? item.updatedAt);
  return Math.max(0, Math.floor((now - since) / DAY));
}

const waitingText = (t: Translate, days: number) =>
  days === 0 ? t('review.waitingToday') : t('review.waitingDays', { days });

/**
 * The queue as a compact table (a card per report on phones): waiting time first, a box to select the
 * reports awaiting review for a bulk decision, one link to open each report.
 */
export function ReviewQueueTable({
  items,
  selected,
  onSelect,
}: {
  items: ReviewQueueItem[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
}) {
  const t = useT();
  const nameOf = useUnitName();
  const selectable = items.filter((i) => i.awaiting === 'review' && i.allowedActions.includes('accept'));
  const allOn = selectable.length > 0 && selectable.every((i) => selected.has(i.id));
  return (
    <>
      {selectable.length > 0 && (
        <p className="queue-select-all">
          <input
            id="queue-select-all"
            type="checkbox"
            checked={allOn}
            onChange={(e) =>
              onSelect(
                selectable.map((i) => i.id),
                e.target.checked,
              )
            }
          />
          <label htmlFor="queue-select-all">{t('review.selectAll')}</label>
        </p>
      )}
      <div className="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
        <table className="table table-stack queue-table" data-testid="review-queue">
          <caption id="queue-caption" className="visually-hidden">
            {t('report.queueTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="queue-check">
                <span className="visually-hidden">{t('review.select')}</span>
              </th>
              <th scope="col">{t('review.waiting')}</th>
              <th scope="col">{t('review.task')}</th>
              <th scope="col">{t('review.unit')}</th>
              <th scope="col">{t('report.period')}</th>
              <th scope="col">{t('report.progress')}</th>
              <th scope="col">{t('review.evidenceCount')}</th>
              <th scope="col">{t('report.awaiting')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const unit = nameOf(item.unit);
              const days = waitingDays(item);
              const canPick = selectable.includes(item);
              return (
                <tr key={item.id} data-report-id={item.id} data-unit={item.unit.code}>
                  <td className="queue-check" data-label={t('review.select')}>
                    {canPick && (
                      <input
                        type="checkbox"
                        aria-label={t('review.selectOne', { name: `${item.taskCode} – ${unit}` })}
                        checked={selected.has(item.id)}
                        onChange={(e) => onSelect([item.id], e.target.checked)}
                      />
                    )}
                  </td>
                  <td
                    data-label={t('review.waiting')}
                    className={days >= 7 ? 'queue-wait queue-late' : 'queue-wait'}
                  >
                    {waitingText(t, days)}
                  </td>
                  <td data-label={t('review.task')} className="queue-task">
                    <Link to={`/reports/${item.id}`}>
                      <span className="title-code">{item.taskCode}</span> {item.taskTitle}
                    </Link>
                  </td>
                  <td data-label={t('review.unit')}>{unit}</td>
                  <td data-label={t('report.period')}>{formatPeriod(t, item.period)}</td>
                  <td data-label={t('report.progress')}>
                    <ProgressValue value={item.progress} />
                  </td>
                  <td data-label={t('review.evidenceCount')}>{item.evidence.length}</td>
                  <td data-label={t('report.awaiting')}>
                    <span className={`tag awaiting-${item.awaiting}`}>
                      {t(`report.awaiting.${item.awaiting}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
