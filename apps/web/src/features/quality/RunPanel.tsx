import { qualityRoutes, type Assessment } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { callWith, call } from '../../api/client.ts';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { CriteriaScores, GradeBadge, Score } from './quality.tsx';

/** Upload a sample, watch the run's progress (polling), then its criterion scores, class and checks. */
export function RunPanel(props: {
  databaseId: string;
  latest: Assessment | null;
  readOnly?: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = useQuery({
    queryKey: ['quality', 'run', runId],
    queryFn: () => call(qualityRoutes.getAssessment, { params: { id: runId! } }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 700),
  });
  const finished = run.data && ['done', 'failed'].includes(run.data.status);
  const { onDone } = props;
  useEffect(() => {
    if (finished) onDone();
  }, [finished, onDone]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const res = await callWith(
        qualityRoutes.uploadAssessment,
        { params: { id: props.databaseId } },
        { formData: form },
      );
      setRunId(res.id);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const shown = run.data ?? props.latest;
  return (
    <section className="card" aria-labelledby="run-title">
      <h2 id="run-title">{props.readOnly ? t('quality.result.title') : t('quality.upload.title')}</h2>
      {!props.readOnly && (
        <form onSubmit={onSubmit}>
          <p className="field-hint">{t('quality.upload.hint')}</p>
          <div className="field">
            <label htmlFor="sample-file">{t('quality.upload.file')}</label>
            <input
              id="sample-file"
              type="file"
              accept=".csv,.xlsx,.jsonl,.ndjson,.json,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <ErrorNotice error={failure} />
          <button type="submit" className="button button-primary" disabled={busy || !file}>
            {t('quality.upload.start')}
          </button>
        </form>
      )}
      {run.data && <Progress run={run.data} />}
      {shown && shown.status === 'done' && <Result run={shown} />}
    </section>
  );
}

function Progress({ run }: { run: Assessment }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div className="field" data-testid="run-status" data-status={run.status}>
      <label htmlFor="run-progress">
        {t('quality.run.progress')}: {t(`quality.run.status.${run.status}`)} ·{' '}
        {t('quality.run.rows', { rows: formatNumber(lang, run.rowsRead) })}
      </label>
      <progress id="run-progress" className="run-progress" max={1} value={run.progress} />
      {run.error && <p className="field-error">{run.error}</p>}
    </div>
  );
}

function Result({ run }: { run: Assessment }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <div data-testid="result">
      <h3>{t('quality.result.title')}</h3>
      <p className="quality-score">
        <span>
          {t('quality.result.overall')}:{' '}
          <strong data-testid="score">
            <Score value={run.score} />
          </strong>
        </span>
        <GradeBadge grade={run.grade} />
        <span className="muted small">
          {t('quality.result.formula', { version: run.formulaVersion ?? '' })}
        </span>
      </p>
      <h4>{t('quality.result.criteria')}</h4>
      <CriteriaScores criteria={run.criteria} />
      <h4>{t('quality.result.measurements')}</h4>
      <div className="table-scroll" role="region" aria-label={t('quality.result.measurements')} tabIndex={0}>
        <table className="table table-compact" data-testid="measurements">
          <thead>
            <tr>
              <th scope="col">{t('quality.result.metric')}</th>
              <th scope="col">{t('quality.result.column')}</th>
              <th scope="col" className="num">
                {t('quality.result.value')}
              </th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('quality.result.examples')}</th>
            </tr>
          </thead>
          <tbody>
            {run.measurements.map((m) => (
              <tr key={m.index}>
                <td>
                  {m.metric}
                  <br />
                  <span className="muted small">{t(`quality.criterion.${m.criterion}`)}</span>
                </td>
                <td>{m.column ?? '–'}</td>
                <td className="num">{m.value === null ? '–' : formatNumber(lang, m.value)}</td>
                <td className={m.pass ? '' : 'text-danger'}>
                  {m.pass ? t('quality.result.pass') : t('quality.result.fail')}
                </td>
                <td className="examples">
                  {m.examples.map((e) => (e.row ? `#${e.row} ${e.value}` : e.value)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
