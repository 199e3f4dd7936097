import type { Assignment, ProgressReport } from '@pilotage/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { FieldError, TextField } from '../../ui/Field.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { todayIso } from '../tasks/tasks.ts';
import { EvidenceField } from './EvidenceField.tsx';
import { formatPeriod } from './period.ts';
import type { ReportValues } from './localDraft.ts';
import { TextAreaField } from './TextAreaField.tsx';
import { useReportEditor } from './useReportEditor.ts';

interface Props {
  assignment: Assignment;
  period: string;
  reportId: string;
  initial: ReportValues;
  server: ProgressReport | null;
  onSubmitted: (report: ProgressReport) => void;
  onEvidenceChanged: (reportId: string) => void;
}

/**
 * The progress report form, light enough for a commune officer's phone: progress (slider and number),
 * narrative, difficulties, proposals; product and completion date at 100 %; evidence files. Every change is
 * kept on the device; "Lưu nháp" saves on the server, "Gửi báo cáo" saves and submits.
 */
export function ReportForm({
  assignment,
  period,
  reportId,
  initial,
  server,
  onSubmitted,
  onEvidenceChanged,
}: Props) {
  const t = useT();
  const id = useId();
  const editor = useReportEditor({
    assignmentId: assignment.id,
    period,
    reportId,
    initial,
    server,
    isContinuous: assignment.isContinuous,
  });
  const { values, set, errors } = editor;
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const summary = useRef<HTMLDivElement>(null);
  const completing = values.progress === 100 && !assignment.isContinuous;

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const hasErrors = Object.values(errors).some(Boolean) || !!editor.failure;
  useEffect(() => {
    if (hasErrors) summary.current?.focus();
  }, [hasErrors, editor.failure]);

  // "Gửi báo cáo" checks the form, then asks for confirmation; "Xác nhận gửi" saves and submits.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (editor.checkSubmit()) setConfirming(true);
  };
  const onConfirm = async () => {
    const report = await editor.submit();
    setConfirming(false);
    if (report) onSubmitted(report);
  };
  const onSave = async () => {
    setNotice(null);
    if (await editor.save()) setNotice(t('report.savedDraft'));
  };

  const failureText = editor.failure && !(editor.failure instanceof ApiError) ? t('report.offline') : null;

  return (
    <form className="report-form" onSubmit={onSubmit} noValidate data-testid="report-form">
      {!online && (
        <p className="notice notice-warning" role="status">
          {t('report.offlineNow')}
        </p>
      )}
      <div ref={summary} tabIndex={-1} className="form-summary">
        {Object.values(errors).some(Boolean) && (
          <p className="notice notice-error" role="alert">
            {t('common.fixErrors')}
          </p>
        )}
        {editor.failure instanceof ApiError && <ErrorNotice error={editor.failure} />}
        {failureText && (
          <p className="notice notice-error" role="alert">
            {failureText}
          </p>
        )}
      </div>

      <div className="field progress-field">
        <label htmlFor={`${id}-progress`}>{t('report.progress')}</label>
        <p className="field-hint" id={`${id}-progress-hint`}>
          {t('report.progressHint')}
        </p>
        <div className="progress-inputs">
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={values.progress}
            aria-label={t('report.progressSlider')}
            aria-valuetext={t('tasks.percent', { value: values.progress })}
            onChange={(e) => set('progress', Number(e.target.value))}
          />
          <input
            id={`${id}-progress`}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            className="input-narrow"
            value={Number.isNaN(values.progress) ? '' : values.progress}
            aria-invalid={errors.progress ? true : undefined}
            aria-describedby={`${id}-progress-hint${errors.progress ? ` ${id}-progress-error` : ''}`}
            onChange={(e) =>
              set('progress', e.target.value === '' ? Number.NaN : Math.round(Number(e.target.value)))
            }
          />
          <span aria-hidden="true">%</span>
        </div>
        <FieldError id={`${id}-progress-error`}>{errors.progress}</FieldError>
      </div>

      {completing && (
        <fieldset className="completion">
          <legend>{t('report.completion')}</legend>
          <TextField
            label={t('report.product')}
            hint={t('report.productHint')}
            name="product"
            required
            value={values.product}
            error={errors.product}
            onChange={(e) => set('product', e.target.value)}
          />
          <DateInput
            label={t('report.completedOn')}
            name="completedOn"

            required
            max={todayIso()}
            value={values.completedOn}
            error={errors.completedOn}
            onChange={(v) => set('completedOn', v)}
          />
        </fieldset>
      )}

      <TextAreaField
        label={t('report.narrative')}
        hint={t('report.narrativeHint')}
        name="narrative"
        required
        value={values.narrative}
        error={errors.narrative}
        onChange={(e) => set('narrative', e.target.value)}
      />
      <TextAreaField
        label={t('report.difficulties')}
        name="difficulties"
        rows={3}
        value={values.difficulties}
        error={errors.difficulties}
        onChange={(e) => set('difficulties', e.target.value)}
      />
      <TextAreaField
        label={t('report.proposals')}
        name="proposals"
        rows={3}
        value={values.proposals}
        error={errors.proposals}
        onChange={(e) => set('proposals', e.target.value)}
      />

      <EvidenceField
        evidence={server?.evidence ?? []}
        ensureSaved={editor.ensureSaved}
        onChanged={onEvidenceChanged}
        canEdit
      />

      <SuccessNotice>{notice}</SuccessNotice>
      {confirming && (
        <div
          className="notice notice-warning confirm-submit"
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
        >
          <p id={`${id}-confirm`}>
            <strong>{t('report.confirmTitle', { period: formatPeriod(t, period) })}</strong>
          </p>
          <p>
            {t('report.confirmText', {
              progress: String(values.progress),
              to: t(server?.requiresApproval ? 'report.confirmTo.approval' : 'report.confirmTo.review'),
            })}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              autoFocus
              disabled={!!editor.busy}
              onClick={() => void onConfirm()}
            >
              {editor.busy === 'submit' ? t('report.submitting') : t('report.confirmSubmit')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={!!editor.busy}
              onClick={() => setConfirming(false)}
            >
              {t('report.back')}
            </button>
          </div>
        </div>
      )}
      <div className="form-actions" hidden={confirming}>
        <button type="submit" className="button button-primary" disabled={!!editor.busy}>
          {editor.busy === 'submit' ? t('report.submitting') : t('report.submit')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!!editor.busy}
          onClick={() => void onSave()}
        >
          {editor.busy === 'save' ? t('report.saving') : t('report.saveDraft')}
        </button>
      </div>
      <p className="muted small">
        {server?.requiresApproval ? `${t('report.needsApproval')} ` : ''}
        {t('report.keptOnDevice')}
      </p>
    </form>
  );
}
