import { assignmentRoutes, type Assignment, type Extension } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { TextAreaField } from '../reports/TextAreaField.tsx';
import { useExtensions } from './tasks.ts';

interface Props {
  assignment: Assignment;
  /** The caller's unit is the assignee (may request). */
  canRequest: boolean;
  /** The caller's unit assigned it (may decide). */
  canDecide: boolean;
}

/** Deadline extensions: history (the original deadline stays on record), request, approve or reject. */
export function ExtensionPanel({ assignment, canRequest, canDecide }: Props) {
  const t = useT();
  const [lang] = useLang();
  const queryClient = useQueryClient();
  const list = useExtensions(assignment.id);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  const items = list.data?.items ?? [];
  const pending = items.some((x) => x.status === 'pending');

  const onRequest = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: Record<string, string> = {};
    if (!date) local.requestedDeadline = t('tasks.errDeadline');
    if (!reason.trim()) local.reason = t('tasks.errReason');
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await call(assignmentRoutes.requestExtension, {
        params: { id: assignment.id },
        body: { requestedDeadline: date, reason },
      });
      setDone(t('tasks.extensionRequested'));
      setOpen(false);
      refresh();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setFailure(err);
    }
  };

  const decide = async (x: Extension, approve: boolean) => {
    setFailure(null);
    try {
      await call(assignmentRoutes.decideExtension, { params: { id: x.id }, body: { approve } });
      setDone(approve ? t('tasks.extensionApproved') : t('tasks.extensionRejected'));
      refresh();
    } catch (err) {
      setFailure(err);
    }
  };

  if (items.length === 0 && !canRequest) return null;
  return (
    <section aria-labelledby="extensions-title" className="extensions">
      <h2 id="extensions-title">{t('tasks.extensions')}</h2>
      {list.error && <ErrorNotice error={list.error} />}
      {items.length > 0 && (
        <ul className="card-list">
          {items.map((x) => (
            <li key={x.id} className="card">
              <p>
                {t('tasks.extensionLine', {
                  from: formatDate(lang, x.previousDeadline),
                  to: formatDate(lang, x.requestedDeadline),
                })}{' '}
                <span className={`tag extension-${x.status}`}>{t(`tasks.extension.${x.status}`)}</span>
              </p>
              <p className="small prewrap">{x.reason}</p>
              {x.decisionNote && <p className="small muted">{x.decisionNote}</p>}
              {canDecide && x.status === 'pending' && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => void decide(x, true)}
                  >
                    {t('tasks.approveExtension')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void decide(x, false)}
                  >
                    {t('tasks.rejectExtension')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={failure} />
      {canRequest && !pending && !assignment.isContinuous && !open && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t('tasks.requestExtension')}
          </button>
        </p>
      )}
      {open && (
        <form onSubmit={(e) => void onRequest(e)} noValidate className="extension-form">
          <DateInput
            label={t('tasks.requestedDeadline')}

            min={assignment.effectiveDeadline ?? undefined}
            value={date}
            error={errors.requestedDeadline}
            onChange={(v) => setDate(v)}
          />
          <TextAreaField
            label={t('tasks.extensionReason')}
            rows={3}
            value={reason}
            error={errors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('tasks.sendRequest')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
