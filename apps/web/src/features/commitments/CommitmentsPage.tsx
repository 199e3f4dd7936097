import {
  commitmentRoutes,
  COMMITMENT_STATES,
  type Commitment,
  type CommitmentState,
} from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDate, formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from '../identity/session.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';
import '../tasks/tasks.css';
import { useUnitName } from '../org/org.ts';

const PAGE = 20;

/** `/commitments`: leaders' written commitments, each kept, broken or pending; unit leads sign new ones. */
export function CommitmentsPage() {
  const t = useT();
  const { hasRole } = useSession();
  const [state, setState] = useState<CommitmentState | ''>('');
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['commitments', state, offset],
    queryFn: () =>
      call(commitmentRoutes.list, { query: { ...(state ? { state } : {}), limit: PAGE, offset } }),
    placeholderData: keepPreviousData,
  });
  usePageTitle(t('tasks.nav.commitments'));
  return (
    <>
      <h1>{t('tasks.nav.commitments')}</h1>
      {hasRole('unit_lead') && <CommitmentForm onSigned={() => setOffset(0)} />}
      <section aria-labelledby="commitments-list">
        <h2 id="commitments-list">{t('programme.commitmentList')}</h2>
        <div className="field field-inline">
          <label htmlFor="commitment-state">{t('common.status')}</label>
          <select
            id="commitment-state"
            value={state}
            onChange={(e) => {
              setState(e.target.value as CommitmentState | '');
              setOffset(0);
            }}
          >
            <option value="">{t('common.all')}</option>
            {COMMITMENT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`programme.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorNotice error={list.error} />
        {!list.data && !list.error && <Loading />}
        {list.data &&
          (list.data.items.length === 0 ? (
            <p>{t('programme.noCommitments')}</p>
          ) : (
            <ul className="card-list" data-testid="commitments">
              {list.data.items.map((c) => (
                <CommitmentCard key={c.id} item={c} />
              ))}
            </ul>
          ))}
        {list.data && (
          <Pagination offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        )}
      </section>
    </>
  );
}

function CommitmentCard({ item }: { item: Commitment }) {
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  return (
    <li className="card" data-state={item.state}>
      <p className="queue-kind">
        <span className={`status-badge commitment-${item.state}`}>{t(`programme.state.${item.state}`)}</span>
        <strong>{nameOf(item.unit)}</strong>
      </p>
      <p className="prewrap">{item.outcome}</p>
      <dl className="facts facts-aligned small">
        <div>
          <dt>{t('programme.dueOn')}</dt>
          <dd>{formatDate(lang, item.dueOn)}</dd>
        </div>
        <div>
          <dt>{t('programme.signedBy')}</dt>
          <dd>
            {item.signerName} · {formatDateTime(lang, item.signedAt)}
          </dd>
        </div>
        <div>
          <dt>{t('programme.hash')}</dt>
          <dd>
            <code title={item.contentHash}>{item.contentHash.slice(0, 16)}…</code>{' '}
            {item.hashValid ? (
              t('programme.hashValid')
            ) : (
              <span className="text-danger">{t('programme.hashInvalid')}</span>
            )}
          </dd>
        </div>
      </dl>
      <ul className="evidence-list small">
        {item.items.map((i) => (
          <li key={i.assignmentId}>
            <span className="title-code">{i.taskCode}</span> {i.taskTitle} —{' '}
            {i.completedOn
              ? t('programme.itemDone', { date: formatDate(lang, i.completedOn) })
              : t('programme.itemOpen')}
          </li>
        ))}
      </ul>
    </li>
  );
}
