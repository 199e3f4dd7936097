import type { ReviewQueueItem } from '@pilotage/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { ProgressValue } from '../tasks/StatusBadge.tsx';
import { formatPeriod } from './period.ts';
import { ReportActions } from './ReportActions.tsx';
import { useReviewQueue } from './reports.ts';
import '../tasks/tasks.css';

const PAGE = 20;

/**
 * `/reviews`: reports waiting for the caller — review by the assigning unit (accept / return with a
 * reason) and, for unit leads, approval before they leave the unit. Oldest first, so nobody waits longest.
 */
export function ReviewQueuePage() {
  const t = useT();
  const [awaiting, setAwaiting] = useState<'' | 'approval' | 'review'>('');
  const [text, setText] = useState('');
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest');
  const [offset, setOffset] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const q = useDebounced(text.trim());
  const queue = useReviewQueue({
    ...(awaiting ? { awaiting } : {}),
    ...(q ? { q } : {}),
    order,
    limit: PAGE,
    offset,
  });
  usePageTitle(t('report.queueTitle'));

  return (
    <>
      <h1>{t('report.queueTitle')}</h1>
      <p className="muted">{t('report.queueIntro')}</p>
      <div className="field field-inline">
        <label htmlFor="queue-awaiting">{t('report.awaiting')}</label>
        <select
          id="queue-awaiting"
          value={awaiting}
          onChange={(e) => {
            setAwaiting(e.target.value as typeof awaiting);
            setOffset(0);
          }}
        >
          <option value="">{t('common.all')}</option>
          <option value="review">{t('report.awaiting.review')}</option>
          <option value="approval">{t('report.awaiting.approval')}</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="queue-order">{t('report.queueOrder')}</label>
        <select
          id="queue-order"
          value={order}
          onChange={(e) => {
            setOrder(e.target.value as typeof order);
            setOffset(0);
          }}
        >
          <option value="oldest">{t('report.queueOrder.oldest')}</option>
          <option value="newest">{t('report.queueOrder.newest')}</option>
        </select>
      </div>
      <TextField
        label={t('report.queueSearch')}
        hint={t('report.queueSearchHint')}
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOffset(0);
        }}
      />
      <SuccessNotice>{done}</SuccessNotice>
      {queue.error && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {!queue.data && !queue.error && <Loading />}
      {queue.data && (
        <section aria-labelledby="queue-count">
          <h2 id="queue-count" aria-live="polite">
            {t('report.queueCount', { count: queue.data.total })}
          </h2>
          {queue.data.items.length === 0 ? (
            <p>{t('report.queueEmpty')}</p>
          ) : (
            <ul className="card-list" data-testid="review-queue">
              {queue.data.items.map((item) => (
                <QueueCard key={item.id} item={item} onDone={(msg) => setDone(msg)} />
              ))}
            </ul>
          )}
          <Pagination offset={offset} limit={PAGE} total={queue.data.total} onChange={setOffset} />
        </section>
      )}
    </>
  );
}

function QueueCard({ item, onDone }: { item: ReviewQueueItem; onDone: (message: string) => void }) {
  const t = useT();
  const [lang] = useLang();
  const headingId = `queue-${item.id}`;
  return (
    <li
      className="card queue-card"
      data-report-id={item.id}
      data-unit={item.unit.code}
      aria-labelledby={headingId}
    >
      <p className="queue-kind">
        <span className={`tag awaiting-${item.awaiting}`}>{t(`report.awaiting.${item.awaiting}`)}</span>
        <span className="muted">{formatPeriod(t, item.period)}</span>
      </p>
      <h3 id={headingId}>
        <Link to={`/reports/${item.id}`}>
          <span className="title-code">{item.taskCode}</span> {item.taskTitle}
        </Link>
      </h3>
      <p>
        <strong>{item.unit.name}</strong>
        {item.submittedAt && (
          <span className="muted">
            {' '}
            · {t('report.submittedAt')}: {formatDateTime(lang, item.submittedAt)}
          </span>
        )}
      </p>
      <div className="queue-facts">
        <ProgressValue value={item.progress} />
        {item.product && (
          <span>
            {t('report.product')}: {item.product}
          </span>
        )}
        {item.completedOn && (
          <span>
            {t('report.completedOn')}: {formatDate(lang, item.completedOn)}
          </span>
        )}
      </div>
      {item.evidence.length > 0 && (
        <ul className="evidence-list small" aria-label={t('report.evidence')}>
          {item.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.downloadUrl} download>
                {e.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {item.narrative && <p className="small queue-text">{item.narrative}</p>}
      {item.difficulties && (
        <p className="small">
          <strong>{t('report.difficulties')}:</strong> {item.difficulties}
        </p>
      )}
      <ReportActions
        report={item}
        onDone={(r, action) => onDone(`${t(`report.done.${action}`)} (${r.taskCode} – ${r.unit.name})`)}
      />
    </li>
  );
}
