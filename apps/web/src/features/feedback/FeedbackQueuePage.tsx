import { FEEDBACK_STATUSES, feedbackRoutes, type FeedbackStatus } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Clock } from './Clock.tsx';
import './feedback.css';

const PAGE = 20;

/** `/feedback`: items routed to the caller's unit or below; the steering office's triage queue. */
export function FeedbackQueuePage() {
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('fb.queue.title'));
  const [status, setStatus] = useState<FeedbackStatus | ''>('');
  const [triage, setTriage] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['fb-list', status, triage, offset],
    queryFn: () =>
      call(feedbackRoutes.list, {
        query: {
          ...(status ? { status } : {}),
          ...(triage ? { triage: 'true' as const } : {}),
          limit: PAGE,
          offset,
        },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>{t('fb.queue.title')}</h1>
      <div className="field field-inline">
        <label htmlFor="fb-status">{t('fb.status')}</label>
        <select
          id="fb-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as FeedbackStatus | '');
            setOffset(0);
          }}
        >
          <option value="">{t('fb.queue.all')}</option>
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`fb.status.${s}`)}
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={triage}
            onChange={(e) => {
              setTriage(e.target.checked);
              setOffset(0);
            }}
          />{' '}
          {t('fb.queue.triage')}
        </label>
      </div>
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('fb.none')}</p>}
      <ul className="card-list" data-testid="fb-queue">
        {list.data?.items.map((i) => (
          <li key={i.id} className="card">
            <p className="queue-kind">
              <span className="status-badge">{t(`fb.status.${i.status}`)}</span> <code>{i.trackingCode}</code>
              {i.hasPendingAnswer && <strong> · {t('fb.item.pending')}</strong>}
            </p>
            <h2 className="h3">
              <Link to={`/feedback/${i.id}`}>{i.title}</Link>
            </h2>
            <p className="small">
              {t(`fb.kind.${i.kind}`)} · {i.topicName} · {i.unitName}
              {i.provinceName ? ` · ${i.provinceName}` : ''} · {formatDate(lang, i.submittedAt.slice(0, 10))}
            </p>
            <p className="small">
              <Clock clock={i.clock} />
            </p>
          </li>
        ))}
      </ul>
      {list.data && <Pagination offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />}
    </>
  );
}
