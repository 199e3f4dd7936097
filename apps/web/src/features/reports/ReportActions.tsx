import { reportRoutes, type ProgressReport } from '@pilotage/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { ReturnReasonPicker } from './ReturnReasonPicker.tsx';
import { TextAreaField } from './TextAreaField.tsx';
import { useReportChanged, useSend } from './reports.ts';
import { withRetry } from './transport.ts';
import { useUnitName } from '../org/org.ts';

type Decision = 'submit' | 'approve' | 'accept' | 'withdraw';
export type ReportDecision = Decision | 'return';

/**
 * The buttons a report offers the caller (from `allowedActions`; the server checks again): edit, submit,
 * approve (unit lead), accept or return with a reason (assigning unit), withdraw until reviewed (the unit,
 * after a confirmation). Keys make a double click or a retried request harmless.
 */
export function ReportActions({
  report,
  onDone,
}: {
  report: ProgressReport;
  onDone?: (report: ProgressReport, action: ReportDecision) => void;
}) {
  const nameOf = useUnitName();
  const t = useT();
  const id = useId();
  const sendApi = useSend();
  const changed = useReportChanged();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [returning, setReturning] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const can = (a: ProgressReport['allowedActions'][number]) => report.allowedActions.includes(a);
  const name = `${report.taskCode} – ${nameOf(report.unit)}`;

  const act = async (action: Decision | 'return') => {
    setError(null);
    setBusy(action);
    const key = `${action}-${report.id}-${report.updatedAt}`;
    try {
      const result = await withRetry(() =>
        action === 'return'
          ? sendApi(
              reportRoutes.return,
              { params: { id: report.id }, body: { reason: reason.trim() } },
              { idempotencyKey: key },
            )
          : sendApi(reportRoutes[action], { params: { id: report.id }, body: {} }, { idempotencyKey: key }),
      );
      changed(result);
      setReturning(false);
      setWithdrawing(false);
      onDone?.(result, action);
    } catch (err) {
      if (err instanceof ApiError && action === 'return') setReasonError(err.fieldErrors().reason);
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const onReturn = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setReasonError(t('report.errReason'));
    setReasonError(undefined);
    void act('return');
  };

  const button = (action: Decision, label: string, primary = false) =>
    can(action) && (
      <button
        type="button"
        className={`button ${primary ? 'button-primary' : 'button-secondary'}`}
        disabled={!!busy}
        aria-label={`${label}: ${name}`}
        onClick={() => void act(action)}
      >
        {busy === action ? t('report.working') : label}
      </button>
    );

  if (report.allowedActions.length === 0) return null;
  return (
    <div className="report-actions">
      <div className="form-actions">
        {can('edit') && (
          <Link
            className="button button-secondary"
            to={`/assignments/${report.assignmentId}/report?period=${report.period}`}
          >
            {t('report.edit')}
          </Link>
        )}
        {button('submit', t('report.submit'), true)}
        {button('approve', t('report.approve'), true)}
        {button('accept', t('report.accept'), true)}
        {can('return') && !returning && (
          <button
            type="button"
            className="button button-secondary"
            aria-label={`${t('report.return')}: ${name}`}
            onClick={() => setReturning(true)}
          >
            {t('report.return')}
          </button>
        )}
        {can('withdraw') && !withdrawing && (
          <button
            type="button"
            className="button button-secondary"
            aria-label={`${t('report.withdraw')}: ${name}`}
            onClick={() => setWithdrawing(true)}
          >
            {t('report.withdraw')}
          </button>
        )}
      </div>
      {withdrawing && (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby={`${id}-withdraw`}>
          <p id={`${id}-withdraw`}>{t('report.withdrawText')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={!!busy}
              onClick={() => void act('withdraw')}
            >
              {busy === 'withdraw' ? t('report.working') : t('report.confirmWithdraw')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setWithdrawing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {returning && (
        <form onSubmit={onReturn} className="return-form" noValidate aria-labelledby={`${id}-return`}>
          <h3 id={`${id}-return`} className="visually-hidden">
            {t('report.return')}
          </h3>
          {can('accept') && <ReturnReasonPicker onPick={setReason} />}
          <TextAreaField
            label={t('report.returnReason')}
            rows={3}
            required
            autoFocus
            value={reason}
            error={reasonError}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-danger" disabled={!!busy}>
              {busy === 'return' ? t('report.working') : t('report.confirmReturn')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
