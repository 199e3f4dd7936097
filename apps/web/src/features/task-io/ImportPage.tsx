import { IMPORT_MAX_BYTES, taskIoRoutes, type ImportResult } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { FileButton } from '../../ui/FileButton.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { formatSize } from '../reports/EvidenceField.tsx';
import { useSend } from '../reports/reports.ts';
import { useProgrammes } from '../tasks/tasks.ts';
import { ImportErrors } from './ImportErrors.tsx';
import '../tasks/tasks.css';

/**
 * `/import`: import a programme's tasks and assignments from XLSX or CSV. Step 1 checks the file (dry run:
 * every error by row and column, nothing written); step 2, only when the check is clean, imports it —
 * all rows or none.
 */
export function ImportPage() {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const sendApi = useSend();
  const queryClient = useQueryClient();
  const programmes = useProgrammes();
  const [programmeId, setProgrammeId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('tasks.nav.import'));
  const programme = programmeId || programmes.data?.items[0]?.id || '';

  const upload = async (dryRun: boolean) => {
    if (!file) return setFileError(t('programme.errFile'));
    if (file.size > IMPORT_MAX_BYTES)
      return setFileError(t('report.evidenceTooBig', { max: formatSize(lang, IMPORT_MAX_BYTES) }));
    setFileError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await sendApi(
        taskIoRoutes.importTasks,
        { params: { id: programme }, query: { dryRun: dryRun ? 'true' : 'false' } },
        { formData: form },
      );
      if (dryRun) setCheck(result);
      else {
        setDone(result);
        setCheck(null);
        setFile(null);
        void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      }
    } catch (err) {
      if (err instanceof ApiError) setFileError(err.fieldErrors().file);
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    void upload(true);
  };

  if (programmes.error) return <ErrorNotice error={programmes.error} />;
  if (!programmes.data) return <Loading />;
  return (
    <>
      <h1>{t('tasks.nav.import')}</h1>
      <section className="card" aria-labelledby={`${id}-tpl`}>
        <h2 id={`${id}-tpl`}>{t('programme.templates')}</h2>
        <p className="muted small">{t('programme.templatesIntro')}</p>
        <p className="form-actions">
          <a className="button button-secondary" href={taskIoRoutes.templateXlsx.path} download>
            {t('programme.templateXlsx')}
          </a>
          <a className="button button-secondary" href={taskIoRoutes.templateCsv.path} download>
            {t('programme.templateCsv')}
          </a>
        </p>
      </section>
      <form className="card report-form" onSubmit={onCheck} noValidate aria-labelledby={`${id}-imp`}>
        <h2 id={`${id}-imp`}>{t('programme.importTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-prog`}>{t('programme.label')}</label>
          <select id={`${id}-prog`} value={programme} onChange={(e) => setProgrammeId(e.target.value)}>
            {programmes.data.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} – {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('programme.file')}</label>
          <p className="field-hint" id={`${id}-hint`}>
            {t('programme.fileHint', { max: formatSize(lang, IMPORT_MAX_BYTES) })}
          </p>
          <FileButton
            id={`${id}-file`}
            accept=".xlsx,.csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${id}-hint${fileError ? ` ${id}-ferr` : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setCheck(null);
              setDone(null);
            }}
          />
          <FieldError id={`${id}-ferr`}>{fileError}</FieldError>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t('programme.check')}
          </button>
          {check && check.errors.length === 0 && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void upload(false)}
            >
              {t('programme.confirmImport', {
                tasks: check.wouldCreate.tasks,
                assignments: check.wouldCreate.assignments,
              })}
            </button>
          )}
        </div>
      </form>
      {failure instanceof ApiError && failure.problem.errors?.length ? (
        <ImportErrors problem={failure.problem} />
      ) : (
        <ErrorNotice error={failure} />
      )}
      {check && <ImportErrors result={check} />}
      <SuccessNotice>
        {done?.created
          ? t('programme.imported', { tasks: done.created.tasks, assignments: done.created.assignments })
          : null}
      </SuccessNotice>
    </>
  );
}
