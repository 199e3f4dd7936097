import { initiativeRoutes, type Initiative, type InitiativeDecision } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { Loading } from '../../ui/ErrorNotice.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { TextAreaField } from '../reports/TextAreaField.tsx';
import { useTaskList } from '../tasks/tasks.ts';
import { useInitiativeChanged } from './useInitiativeAction.ts';

/** Steering screens a new proposal into the public catalogue, or leaves it out with a note. */
export function ScreenPanel({ item }: { item: Initiative }) {
  const t = useT();
  const changed = useInitiativeChanged();
  const [note, setNote] = useState('');
  const submission = useSubmit();
  const screen = (accept: boolean) =>
    void submission.submit(
      () => ({}),
      async () => {
        changed(
          await call(initiativeRoutes.screen, {
            params: { id: item.id },
            body: { accept, note: note.trim() || null },
          }),
        );
        return t(accept ? 'initiatives.status.catalogued' : 'initiatives.status.screened_out');
      },
    );
  return (
    <section className="card report-form" aria-labelledby="screen-h">
      <h2 id="screen-h">{t('initiatives.screen')}</h2>
      <TextAreaField
        label={t('initiatives.screenNote')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={submission.busy}
          onClick={() => screen(true)}
        >
          {t('initiatives.screenAccept')}
        </button>{' '}
        <button
          type="button"
          className="button button-secondary"
          disabled={submission.busy}
          onClick={() => screen(false)}
        >
          {t('initiatives.screenReject')}
        </button>
      </div>
    </section>
  );
}

/** Steering picks experts (people holding the expert role) for the evaluation. */
export function AssignPanel({ item }: { item: Initiative }) {
  const t = useT();
  const changed = useInitiativeChanged();
  const candidates = useQuery({
    queryKey: ['initiatives', 'experts'],
    queryFn: () => call(initiativeRoutes.experts),
  });
  const already = new Set(item.experts.map((e) => e.userId));
  const [chosen, setChosen] = useState<string[]>([]);
  const submission = useSubmit();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(
      (): Record<string, string> => (chosen.length ? {} : { userIds: t('initiatives.form.required') }),
      async () => {
        changed(
          await call(initiativeRoutes.assignExperts, { params: { id: item.id }, body: { userIds: chosen } }),
        );
        setChosen([]);
        return t('initiatives.assigned');
      },
    );
  };
  const free = (candidates.data?.items ?? []).filter((c) => !already.has(c.id));
  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-labelledby="assign-h">
      <h2 id="assign-h">{t('initiatives.assign')}</h2>
      {!candidates.data && <Loading />}
      <fieldset className="field">
        <legend className="visually-hidden">{t('initiatives.assign')}</legend>
        {free.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) =>
                setChosen((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))
              }
            />{' '}
            {c.name} <span className="muted small">— {c.unitName}</span>
          </label>
        ))}
        {submission.errors.userIds && <p className="field-error">{submission.errors.userIds}</p>}
      </fieldset>
      <SubmitFooter state={submission} label={t('initiatives.assignSend')} />
    </form>
  );
}

/** Steering decides (pilot, deploy, reject), with the follow-up and the tasks that carry it out. */
export function DecidePanel({ item }: { item: Initiative }) {
  const t = useT();
  const changed = useInitiativeChanged();
  const [decision, setDecision] = useState<InitiativeDecision>(
    item.status === 'evaluated' ? 'pilot' : 'reject',
  );
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [q, setQ] = useState('');
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const query = useDebounced(q.trim(), 300);
  const tasks = useTaskList({ q: query, limit: 10 }, query.length >= 2);
  const submission = useSubmit();
  const allowed: InitiativeDecision[] =
    item.status === 'evaluated' ? ['pilot', 'deploy', 'reject'] : ['reject'];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(
      (): Record<string, string> => (note.trim() ? {} : { note: t('initiatives.form.required') }),
      async () => {
        changed(
          await call(initiativeRoutes.decide, {
            params: { id: item.id },
            body: { decision, note: note.trim(), followUp: followUp.trim() || null, taskIds },
          }),
        );
        return t('initiatives.decided');
      },
    );
  };
  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-labelledby="decide-h">
      <h2 id="decide-h">{t('initiatives.decide')}</h2>
      <fieldset className="field">
        <legend className="visually-hidden">{t('initiatives.decide')}</legend>
        {allowed.map((d) => (
          <label key={d} className="checkbox">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {t(`initiatives.decision.${d}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('initiatives.decisionNote')}
        rows={3}
        value={note}
        error={submission.errors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <TextAreaField
        label={t('initiatives.followUp')}
        rows={2}
        value={followUp}
        onChange={(e) => setFollowUp(e.target.value)}
      />
      {decision !== 'reject' && (
        <fieldset className="field">
          <legend>{t('initiatives.tasks')}</legend>
          <p className="field-hint">{t('initiatives.tasksHint')}</p>
          <label htmlFor="task-q">{t('initiatives.taskSearch')}</label>
          <input id="task-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          {(tasks.data?.items ?? []).map((task) => (
            <label key={task.id} className="checkbox">
              <input
                type="checkbox"
                checked={taskIds.includes(task.id)}
                onChange={(e) =>
                  setTaskIds((s) => (e.target.checked ? [...s, task.id] : s.filter((x) => x !== task.id)))
                }
              />{' '}
              <span className="title-code">{task.code}</span> {task.title}
            </label>
          ))}
        </fieldset>
      )}
      <SubmitFooter state={submission} label={t('initiatives.decideSend')} />
    </form>
  );
}
