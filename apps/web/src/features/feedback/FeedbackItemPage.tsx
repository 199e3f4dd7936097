import {
  FEEDBACK_REJECT_REASONS,
  feedbackRoutes,
  type FeedbackAction,
  type FeedbackActionBody,
  type FeedbackDetail,
} from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { formatDateTime, hasKey, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Clock } from './Clock.tsx';
import './feedback.css';

/** Actions that need a text, and the body they send. */
const WITH_TEXT: Partial<Record<FeedbackAction, (text: string, extra: string) => FeedbackActionBody>> = {
  transfer: (text, extra) => ({ action: 'transfer', unitId: extra, reason: text }),
  add_contributor: (text, extra) => ({ action: 'add_contributor', unitId: extra, reason: text }),
  contribute: (text) => ({ action: 'contribute', text }),
  request_info: (text) => ({ action: 'request_info', question: text }),
  reject: (text, extra) => ({
    action: 'reject',
    reason: (extra || 'out_of_scope') as 'duplicate',
    message: text,
  }),
  merge: (_text, extra) => ({ action: 'merge', intoId: extra }),
  note: (text) => ({ action: 'note', body: text }),
  save_answer: (text) => ({ action: 'save_answer', body: text }),
  return_answer: (text) => ({ action: 'return_answer', reason: text }),
};
const NEEDS_UNIT: FeedbackAction[] = ['transfer', 'add_contributor', 'merge'];

/** A step's name: its own label, else the action's. */
function useStepLabel() {
  const t = useT();
  return (action: string) => {
    const step = `fb.step.${action}`;
    const act = `fb.act.${action}`;
    return hasKey(step) ? t(step) : hasKey(act) ? t(act) : action;
  };
}

/** `/feedback/:id`: one item, its clock, steps, notes, answer and the caller's workflow actions. */
export function FeedbackItemPage() {
  const t = useT();
  const [lang] = useLang();
  const { id = '' } = useParams();
  const stepLabel = useStepLabel();
  const qc = useQueryClient();
  const item = useQuery({
    queryKey: ['fb-item', id],
    queryFn: () => call(feedbackRoutes.get, { params: { id } }),
  });
  usePageTitle(item.data?.title ?? t('fb.queue.title'));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = async (body: FeedbackActionBody) => {
    setError(null);
    setDone(null);
    try {
      qc.setQueryData(['fb-item', id], await call(feedbackRoutes.act, { params: { id }, body }));
      setDone(t('fb.act.done'));
    } catch (err) {
      setError(err);
    }
  };
  if (!item.data) return item.error ? <ErrorNotice error={item.error} /> : <Loading />;
  const d: FeedbackDetail = item.data;
  return (
    <>
      <p className="queue-kind">
        <span className="status-badge" data-testid="fb-item-status">
          {t(`fb.status.${d.status}`)}
        </span>{' '}
        <code>{d.trackingCode}</code>
      </p>
      <h1>{d.title}</h1>
      <p className="small">
        {t(`fb.kind.${d.kind}`)} · {d.topicName} · {t('fb.unit')}: {d.unitName}
        {d.provinceName ? ` · ${d.provinceName}` : ''}
      </p>
      <p>
        <Clock clock={d.clock} />
      </p>
      <h2 className="h3">{t('fb.item.content')}</h2>
      <p className="prewrap">{d.content}</p>
      {d.contact && (
        <p className="small" data-testid="fb-contact">
          {t('fb.item.contact')}:{' '}
          {[d.contact.name, d.contact.email, d.contact.phone, d.contact.citizenId]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {d.answers.length > 0 && (
        <>
          <h2 className="h3">{t('fb.item.answers')}</h2>
          {d.answers.map((a) => (
            <div key={a.id} className="card">
              <p className="small">
                {t(`fb.answerStatus.${a.status}`)} · {a.authorName}
                {a.approvedByName ? ` · ✔ ${a.approvedByName}` : ''}
              </p>
              <div className="fb-answer">{a.body}</div>
            </div>
          ))}
        </>
      )}
      <section className="fb-actions" aria-label={t('fb.status')}>
        <ErrorNotice error={error} />
        <SuccessNotice>{done}</SuccessNotice>
        {d.allowedActions.map((a) => (
          <ActionForm key={a} action={a as FeedbackAction} onAct={act} />
        ))}
      </section>
      {d.notes.length > 0 && (
        <>
          <h2 className="h3">{t('fb.item.notes')}</h2>
          <ul>
            {d.notes.map((n, i) => (
              <li key={i}>
                {formatDateTime(lang, n.at)} · {n.authorName}: {n.body}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="h3">{t('fb.item.steps')}</h2>
      <ol className="fb-history">
        {d.steps.map((s, i) => (
          <li key={i}>
            {formatDateTime(lang, s.at)} — {stepLabel(s.action)}
            {s.toStatus ? ` → ${t(`fb.status.${s.toStatus}`)}` : ''}
            {s.actorName ? ` · ${s.actorName}` : ''}
            {s.toUnitName ? ` · ${s.toUnitName}` : ''}
            {(s.reason ?? s.message) && <span className="small"> — {s.message ?? s.reason}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

function ActionForm({
  action,
  onAct,
}: {
  action: FeedbackAction;
  onAct: (b: FeedbackActionBody) => Promise<void>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [extra, setExtra] = useState('');
  const make = WITH_TEXT[action];
  if (!make)
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onAct({ action } as FeedbackActionBody);
        }}
      >
        <button type="submit" className="button" data-action={action}>
          {t(`fb.act.${action}`)}
        </button>
      </form>
    );
  // text actions stay folded until chosen: the page shows a short list of what can be done
  return (
    <details className="fb-action" open={action === 'save_answer' ? true : undefined}>
      <summary data-action={action}>{t(`fb.act.${action}`)}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onAct(make(text, extra)).then(() => setText(''));
        }}
      >
        {NEEDS_UNIT.includes(action) && (
          <div className="field">
            <label htmlFor={`fb-${action}-unit`}>{t('fb.field.unitId')}</label>
            <input id={`fb-${action}-unit`} value={extra} onChange={(e) => setExtra(e.target.value)} />
          </div>
        )}
        {action === 'reject' && (
          <div className="field">
            <label htmlFor="fb-reject-reason">{t('fb.reason')}</label>
            <select id="fb-reject-reason" value={extra} onChange={(e) => setExtra(e.target.value)}>
              {FEEDBACK_REJECT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`fb.reject.${r}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {action !== 'merge' && (
          <div className="field">
            <label htmlFor={`fb-${action}-text`}>{t(`fb.act.${action}`)}</label>
            <textarea
              id={`fb-${action}-text`}
              rows={action === 'save_answer' ? 6 : 2}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        )}
        <button type="submit" className="button" data-action={action}>
          {t(`fb.act.${action}`)}
        </button>
      </form>
    </details>
  );
}
