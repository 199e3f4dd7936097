import { commitmentRoutes, type SignCommitmentBody } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Loading } from '../../ui/ErrorNotice.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { useSend } from '../reports/reports.ts';
import { TextAreaField } from '../reports/TextAreaField.tsx';
import { fingerprint } from '../reports/transport.ts';
import { todayIso, useAssignments } from '../tasks/tasks.ts';

/**
 * A unit lead signs a written commitment for their own unit: outcome, date, and the assignments it covers.
 * The server stores signer, time and a content hash; the Idempotency-Key (fingerprint of the content)
 * makes a double submission sign once.
 */
export function CommitmentForm({ onSigned }: { onSigned: () => void }) {
  const t = useT();
  const id = useId();
  const sendApi = useSend();
  const queryClient = useQueryClient();
  const mine = useAssignments({ mine: 'true', asOf: todayIso(), limit: 200 });
  const open = (mine.data?.items ?? []).filter((a) => !a.status.startsWith('done'));
  const [outcome, setOutcome] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const submission = useSubmit();
  const { errors } = submission;

  const check = () => {
    const local: Record<string, string> = {};
    if (!outcome.trim()) local.outcome = t('programme.errOutcome');
    if (!dueOn) local.dueOn = t('tasks.errDeadline');
    if (chosen.length === 0) local.assignmentIds = t('programme.errAssignments');
    return local;
  };
  const send = async () => {
    const body: SignCommitmentBody = { outcome: outcome.trim(), dueOn, assignmentIds: [...chosen].sort() };
    await sendApi(
      commitmentRoutes.sign,
      { body },
      { idempotencyKey: `commit-${fingerprint(JSON.stringify(body))}` },
    );
    setOutcome('');
    setDueOn('');
    setChosen([]);
    void queryClient.invalidateQueries({ queryKey: ['commitments'] });
    onSigned();
    return t('programme.signed');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(check, send);
  };

  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('programme.signTitle')}</h2>
      <p className="muted small">{t('programme.signIntro')}</p>
      <TextAreaField
        label={t('programme.outcome')}
        hint={t('programme.outcomeHint')}
        rows={3}
        value={outcome}
        error={errors.outcome}
        onChange={(e) => setOutcome(e.target.value)}
      />
      <DateInput
        label={t('programme.dueOn')}

        min={todayIso()}
        value={dueOn}
        error={errors.dueOn}
        onChange={(v) => setDueOn(v)}
      />
      <fieldset className="field" aria-describedby={errors.assignmentIds ? `${id}-err` : undefined}>
        <legend>{t('programme.covers')}</legend>
        {!mine.data && <Loading />}
        {mine.data && open.length === 0 && <p>{t('tasks.myNone')}</p>}
        <div className="checkbox-list commitment-items">
          {open.map((a) => (
            <label key={a.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))
                }
              />
              <span>
                <span className="title-code">{a.taskCode}</span> {a.taskTitle}
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-err`}>{errors.assignmentIds}</FieldError>
      </fieldset>
      <SubmitFooter state={submission} label={t('programme.sign')} />
    </form>
  );
}
