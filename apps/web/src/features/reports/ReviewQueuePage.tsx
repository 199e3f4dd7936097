import type { BulkAcceptResult } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { BulkAccept, BulkOutcome } from './BulkAccept.tsx';
import { useReviewQueue } from './reports.ts';
import { ReviewQueueTable } from './ReviewQueueTable.tsx';
import '../tasks/tasks.css';
import './review.css';

const PAGE = 50;

/**
 * `/reviews`: reports waiting for the caller — review by the assigning unit (accept / return with a
 * reason) and, for unit leads, approval before they leave the unit. A compact table, longest waiting
 * first; reports awaiting review can be selected and accepted together after a confirmation.
 */
export function ReviewQueuePage() {
  const t = useT();
  const [awaiting, setAwaiting] = useState<'' | 'approval' | 'review'>('');
  const [text, setText] = useState('');
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkAcceptResult | null>(null);
  const queryClient = useQueryClient();
  const q = useDebounced(text.trim());
  const queue = useReviewQueue({
    ...(awaiting ? { awaiting } : {}),
    ...(q ? { q } : {}),
    order,
    limit: PAGE,
    offset,
  });
  usePageTitle(t('report.queueTitle'));
  const items = queue.data?.items ?? [];
  const reset = () => {
    setOffset(0);
    setSelected(new Set());
  };
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  return (
    <>
      <h1>{t('report.queueTitle')}</h1>
      <p className="muted">{t('report.queueIntro')}</p>
      <div className="queue-filters">
        <div className="field">
          <label htmlFor="queue-awaiting">{t('report.awaiting')}</label>
          <select
            id="queue-awaiting"
            value={awaiting}
            onChange={(e) => {
              setAwaiting(e.target.value as typeof awaiting);
              reset();
            }}
          >
            <option value="">{t('common.all')}</option>
            <option value="review">{t('report.awaiting.review')}</option>
            <option value="approval">{t('report.awaiting.approval')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-order">{t('report.queueOrder')}</label>
          <select
            id="queue-order"
            value={order}
            onChange={(e) => {
              setOrder(e.target.value as typeof order);
              reset();
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
            reset();
          }}
        />
      </div>
      {outcome && <BulkOutcome result={outcome} items={items} />}
      {queue.error && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {!queue.data && !queue.error && <Loading />}
      {queue.data && (
        <section aria-labelledby="queue-count">
          <h2 id="queue-count" aria-live="polite">
            {t('report.queueCount', { count: queue.data.total })}
          </h2>
          <BulkAccept
            selected={[...selected]}
            items={items}
            onClear={() => setSelected(new Set())}
            onDone={(result) => {
              setOutcome(result);
              setSelected(new Set());
              // the accepted reports, their assignments' progress and the overview all moved
              void queryClient.invalidateQueries({ queryKey: ['reports'] });
              void queryClient.invalidateQueries({ queryKey: ['tasks'] });
            }}
          />
          {items.length === 0 ? (
            <p>{t('report.queueEmpty')}</p>
          ) : (
            <ReviewQueueTable items={items} selected={selected} onSelect={select} />
          )}
          <Pagination
            offset={offset}
            limit={PAGE}
            total={queue.data.total}
            onChange={(o) => {
              setOffset(o);
              setSelected(new Set());
            }}
          />
        </section>
      )}
    </>
  );
}
