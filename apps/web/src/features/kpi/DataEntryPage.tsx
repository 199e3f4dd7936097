import { kpiRoutes, type ImportSummary } from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ApiError, call } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useSession } from '../identity/session.tsx';
import { clearDraft, readDraft, valueProblem, writeDraft, type EntryDraft } from './entryDraft.ts';
import { defaultPeriod, kpiKeys, periodLabel } from './kpi.ts';
import './kpi.css';

/** The last 18 months up to the default period, newest first. */
function recentMonths(): string[] {
  const last = defaultPeriod();
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(4));
  return Array.from({ length: 18 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * Monthly data entry of the user's unit (`/kpi/entry`): choose the data set and the month, type the values
 * (checked as you type, a comment per value), the draft is kept on the device, submit posts the data value
 * set (DHIS2 shape) with its complete date; the answer shows what was imported and the completeness.
 */
export function DataEntryPage() {
  const t = useT();
  const [lang] = useLang();
  const { me } = useSession();
  const qc = useQueryClient();
  const ids = { ds: useId(), period: useId() };
  usePageTitle(t('kpi.entry.title'));
  const unit = me?.unit;
  const sets = useQuery({
    queryKey: ['kpi', 'data-sets'],
    queryFn: () => call(kpiRoutes.listDataSets, { query: {} }),
  });
  const elements = useQuery({
    queryKey: ['kpi', 'data-elements'],
    queryFn: () => call(kpiRoutes.listDataElements, { query: {} }),
  });
  const mine = (sets.data?.items ?? []).filter(
    (s) => unit && s.levels.includes(unit.kind) && s.periodType === 'monthly',
  );
  const [dataSet, setDataSet] = useState<string>('');
  const [period, setPeriod] = useState(recentMonths()[0]!);
  const ds = mine.find((s) => s.code === dataSet) ?? mine[0];
  const existing = useQuery({
    queryKey: ['kpi', 'entry', ds?.code, period, unit?.code],
    queryFn: () =>
      call(kpiRoutes.exportDataValueSet, { query: { dataSet: ds!.code, period, orgUnit: unit!.code } }),
    enabled: !!ds && !!unit,
  });
  const [draft, setDraft] = useState<EntryDraft>({ values: {}, comments: {} });
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!ds || !unit || !existing.data) return;
    const fromServer: EntryDraft = { values: {}, comments: {} };
    for (const v of existing.data.dataValues) {
      fromServer.values[v.dataElement] = v.value;
      if (v.comment) fromServer.comments[v.dataElement] = v.comment;
    }
    const local = readDraft(ds.code, period, unit.code);
    setDraft(
      local
        ? {
            values: { ...fromServer.values, ...local.values },
            comments: { ...fromServer.comments, ...local.comments },
          }
        : fromServer,
    );
  }, [ds, unit, period, existing.data]);

  if (sets.error || elements.error)
    return <ErrorNotice error={sets.error ?? elements.error} onRetry={() => void sets.refetch()} />;
  if (!me || !sets.data || !elements.data) return <Loading />;
  const byCode = new Map(elements.data.items.map((e) => [e.code, e]));
  const update = (kind: 'values' | 'comments', code: string, value: string) => {
    const next = { ...draft, [kind]: { ...draft[kind], [code]: value } };
    setDraft(next);
    setSummary(null);
    if (ds && unit) writeDraft(ds.code, period, unit.code, next);
  };
  const codes = ds?.dataElements ?? [];
  const problems = Object.fromEntries(
    codes.map((c) => [c, valueProblem(byCode.get(c)?.valueType ?? 'text', draft.values[c] ?? '')]),
  );
  const filled = codes.filter((c) => (draft.values[c] ?? '').trim() !== '').length;
  const hasProblem = codes.some((c) => problems[c]);
  const submit = async () => {
    if (!ds || !unit) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call(kpiRoutes.importDataValueSet, {
        query: {},
        body: {
          dataSet: ds.code,
          period,
          orgUnit: unit.code,
          completeDate: new Date().toISOString().slice(0, 10),
          dataValues: codes
            .filter((c) => (draft.values[c] ?? '').trim() !== '')
            .map((c) => ({
              dataElement: c,
              value: draft.values[c]!.trim(),
              ...(draft.comments[c]?.trim() ? { comment: draft.comments[c].trim() } : {}),
            })),
        },
      });
      setSummary(res);
      if (res.status !== 'ERROR') clearDraft(ds.code, period, unit.code);
      await qc.invalidateQueries({ queryKey: kpiKeys.all });
    } catch (e) {
      setError(e instanceof ApiError ? e : e);
    } finally {
      setBusy(false);
    }
  };
  const unitName = lang === 'en' && unit?.nameEn ? unit.nameEn : unit?.name;
  return (
    <>
      <h1>{t('kpi.entry.title')}</h1>
      <p className="lead">{t('kpi.entry.lead', { unit: unitName ?? '' })}</p>
      {mine.length === 0 ? (
        <p>{t('kpi.entry.none')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <div className="kpi-toolbar">
            <div className="field">
              <label htmlFor={ids.ds}>{t('kpi.entry.dataSet')}</label>
              <select id={ids.ds} value={ds?.code ?? ''} onChange={(e) => setDataSet(e.target.value)}>
                {mine.map((s) => (
                  <option key={s.code} value={s.code}>
                    {lang === 'en' && s.nameEn ? s.nameEn : s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.period}>{t('kpi.period')}</label>
              <select id={ids.period} value={period} onChange={(e) => setPeriod(e.target.value)}>
                {recentMonths().map((p) => (
                  <option key={p} value={p}>
                    {periodLabel(p)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {existing.isLoading ? (
            <Loading />
          ) : (
            <ul className="entry-grid">
              {codes.map((c) => {
                const el = byCode.get(c);
                const label = el ? (lang === 'en' && el.nameEn ? el.nameEn : el.name) : c;
                const problem = problems[c];
                return (
                  <li key={c} className="card entry-row">
                    <label htmlFor={`v-${c}`}>
                      <strong>{label}</strong> <span className="muted">({c})</span>
                    </label>
                    <div>
                      <input
                        id={`v-${c}`}
                        name={c}
                        inputMode={el?.valueType === 'integer' ? 'numeric' : 'decimal'}
                        value={draft.values[c] ?? ''}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `e-${c}` : undefined}
                        onChange={(e) => update('values', c, e.target.value)}
                      />
                      {problem && (
                        <p className="field-error" id={`e-${c}`}>
                          {t(problem)}
                        </p>
                      )}
                    </div>
                    <div>
                      <label htmlFor={`c-${c}`} className="visually-hidden">
                        {t('kpi.entry.comment', { name: label })}
                      </label>
                      <textarea
                        id={`c-${c}`}
                        rows={1}
                        placeholder={t('kpi.entry.commentPlaceholder')}
                        value={draft.comments[c] ?? ''}
                        onChange={(e) => update('comments', c, e.target.value)}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="entry-actions">
            <button type="submit" className="button" disabled={busy || hasProblem || filled === 0}>
              {t('kpi.entry.submit')}
            </button>
            <span className="muted" data-testid="entry-completeness">
              {t('kpi.entry.filled', { filled, total: codes.length })}
            </span>
          </div>
          {error !== null && <ErrorNotice error={error} />}
          {summary && (
            <p
              role="status"
              className={summary.status === 'ERROR' ? 'text-danger' : undefined}
              data-testid="entry-summary"
            >
              {t('kpi.entry.summary', {
                status: summary.status,
                imported: summary.importCount.imported,
                updated: summary.importCount.updated,
                ignored: summary.importCount.ignored,
              })}
              {summary.conflicts.map((c) => ` · ${c.object}: ${c.value}`).join('')}
            </p>
          )}
        </form>
      )}
    </>
  );
}
