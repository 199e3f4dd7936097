import { reportRoutes, type ProgressReport, type SaveReportBody } from '@pilotage/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { clearLocalDraft, writeLocalDraft, type ReportValues } from './localDraft.ts';
import { useReportChanged, useSend } from './reports.ts';
import { fingerprint, withRetry } from './transport.ts';

interface Options {
  assignmentId: string;
  period: string;
  reportId: string;
  initial: ReportValues;
  /** The report as the server has it (null: not created yet). */
  server: ProgressReport | null;
  /** Completion needs a product and date (dated tasks only). */
  isContinuous: boolean;
}

export type FieldErrors = Partial<Record<keyof ReportValues | '_', string>>;

/** Client-side checks, as message keys; the server checks the same and more (its messages win). */
export function checkValues(
  v: ReportValues,
  isContinuous: boolean,
  forSubmit: boolean,
): Partial<Record<keyof ReportValues, MessageKey>> {
  const out: Partial<Record<keyof ReportValues, MessageKey>> = {};
  if (!Number.isInteger(v.progress) || v.progress < 0 || v.progress > 100)
    out.progress = 'report.errProgress';
  if (forSubmit && !v.narrative.trim()) out.narrative = 'report.errNarrative';
  if (forSubmit && v.progress === 100 && !isContinuous) {
    if (!v.completedOn) out.completedOn = 'report.errCompletedOn';
    if (!v.product.trim()) out.product = 'report.errProduct';
  }
  if (v.completedOn && v.progress !== 100) out.completedOn = 'report.errCompletedOnOnly100';
  return out;
}

function bodyOf(
  assignmentId: string,
  period: string,
  v: ReportValues,
  isContinuous: boolean,
): SaveReportBody {
  const complete = v.progress === 100 && !isContinuous;
  const text = (s: string) => (s.trim() ? s.trim() : null);
  return {
    assignmentId,
    period,
    progress: v.progress,
    narrative: text(v.narrative),
    difficulties: text(v.difficulties),
    proposals: text(v.proposals),
    product: complete ? text(v.product) : null,
    completedOn: complete && v.completedOn ? v.completedOn : null,
  };
}

/**
 * The report form's state: values mirrored to the device on every change, `save` (PUT with the
 * client-generated id; Idempotency-Key = fingerprint of the body, so a replay of the same content is
 * answered from the first write) and `submit` (save, then POST submit keyed by the saved version).
 */
export function useReportEditor({ assignmentId, period, reportId, initial, server, isContinuous }: Options) {
  const t = useT();
  const sendApi = useSend();
  const changed = useReportChanged();
  const [values, setValues] = useState<ReportValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const saved = useRef<{ key: string; report: ProgressReport } | null>(null);
  const latest = useRef<ProgressReport | null>(server);
  latest.current = server ?? latest.current;

  useEffect(() => {
    writeLocalDraft(assignmentId, period, { id: reportId, values });
  }, [assignmentId, period, reportId, values]);

  const set = useCallback(<K extends keyof ReportValues>(name: K, value: ReportValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const fail = (error: unknown) => {
    if (error instanceof ApiError) setErrors(error.fieldErrors());
    setFailure(error ?? new Error('network'));
  };

  const doSave = async (): Promise<ProgressReport> => {
    const body = bodyOf(assignmentId, period, values, isContinuous);
    const key = `save-${reportId}-${fingerprint(JSON.stringify(body))}`;
    if (saved.current?.key === key) return saved.current.report;
    const report = await withRetry(() =>
      sendApi(reportRoutes.save, { params: { id: reportId }, body }, { idempotencyKey: key }),
    );
    saved.current = { key, report };
    latest.current = report;
    changed(report);
    return report;
  };

  const run = async <T>(kind: 'save' | 'submit', check: boolean, fn: () => Promise<T>): Promise<T | null> => {
    setFailure(null);
    const local = checkValues(values, isContinuous, check);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, t(m)])));
      return null;
    }
    setErrors({});
    setBusy(kind);
    try {
      return await fn();
    } catch (error) {
      fail(error);
      return null;
    } finally {
      setBusy(null);
    }
  };

  return {
    values,
    set,
    errors,
    /** The client-side checks for a submission, shown on the fields; true when they pass. */
    checkSubmit: () => {
      const local = checkValues(values, isContinuous, true);
      setErrors(Object.fromEntries(Object.entries(local).map(([k, m]) => [k, t(m)])));
      return Object.keys(local).length === 0;
    },
    failure,
    busy,
    /** Saves the draft on the server. */
    save: () => run('save', false, doSave),
    /** Makes sure the report exists on the server (before an upload) and returns its id. */
    ensureSaved: async () => (await doSave()).id,
    /** Saves then submits; clears the device copy on success. */
    submit: () =>
      run('submit', true, async () => {
        const report = await doSave();
        const submitted = await withRetry(() =>
          sendApi(
            reportRoutes.submit,
            { params: { id: report.id }, body: {} },
            { idempotencyKey: `submit-${report.id}-${report.updatedAt}` },
          ),
        );
        clearLocalDraft(assignmentId, period);
        changed(submitted);
        return submitted;
      }),
    latest,
  };
}
