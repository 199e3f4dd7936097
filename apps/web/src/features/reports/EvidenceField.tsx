import { reportRoutes, type Evidence } from '@pilotage/contracts';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { FileButton } from '../../ui/FileButton.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { useSend } from './reports.ts';
import { fingerprint, withRetry } from './transport.ts';

/** The server's default limit; it checks again (413) and checks the type by content (415). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.webp,.gif';
const EXTENSIONS = new Set(ACCEPT.split(',').map((e) => e.slice(1)));

interface Props {
  evidence: Evidence[];
  /** Makes sure the report exists on the server (saves the draft) and returns its id. */
  ensureSaved: () => Promise<string>;
  /** After an upload or removal, with the report's id. */
  onChanged: (reportId: string) => void;
  canEdit: boolean;
}

export function formatSize(lang: 'vi' | 'en', bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${formatNumber(lang, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** Evidence files of a report: the list (download links), upload with early type/size checks, removal. */
export function EvidenceField({ evidence, ensureSaved, onChanged, canEdit }: Props) {
  const t = useT();
  const [lang] = useLang();
  const sendApi = useSend();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setError(null);
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!EXTENSIONS.has(ext)) return setError(t('report.evidenceType'));
    if (file.size > EVIDENCE_MAX_BYTES)
      return setError(t('report.evidenceTooBig', { max: formatSize(lang, EVIDENCE_MAX_BYTES) }));
    setBusy(true);
    try {
      const reportId = await ensureSaved();
      const key = `upload-${reportId}-${fingerprint(`${file.name}|${file.size}|${file.lastModified}`)}`;
      await withRetry(() => {
        const form = new FormData();
        form.append('file', file, file.name);
        return sendApi(
          reportRoutes.uploadEvidence,
          { params: { id: reportId } },
          { formData: form, idempotencyKey: key },
        );
      });
      if (input.current) input.current.value = '';
      onChanged(reportId);
    } catch (err) {
      setError(err instanceof ApiError ? (err.problem.detail ?? err.problem.title) : t('report.offline'));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (item: Evidence) => {
    setError(null);
    try {
      await sendApi(reportRoutes.deleteEvidence, { params: { id: item.id } });
      onChanged(item.reportId);
    } catch (err) {
      setError(err instanceof ApiError ? (err.problem.detail ?? err.problem.title) : t('app.error'));
    }
  };

  return (
    <fieldset className="field evidence" aria-describedby={`${id}-hint`} aria-busy={busy}>
      <legend>{t('report.evidence')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('report.evidenceHint', { max: formatSize(lang, EVIDENCE_MAX_BYTES) })}
      </p>
      {evidence.length > 0 && (
        <ul className="evidence-list" data-testid="evidence-list">
          {evidence.map((e) => (
            <li key={e.id}>
              <a href={e.downloadUrl} download>
                {e.filename}
              </a>{' '}
              <span className="muted">({formatSize(lang, e.sizeBytes)})</span>
              {canEdit && (
                <button
                  type="button"
                  className="button button-link"
                  aria-label={t('report.removeFile', { name: e.filename })}
                  onClick={() => void remove(e)}
                >
                  {t('report.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <p className="evidence-add">
            <FileButton
              ref={input}
              id={`${id}-file`}
              name="file"
              buttonLabel={t('report.addFile')}
              showName={false}
              accept={ACCEPT}
              disabled={busy}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </p>
          {busy && (
            <p role="status" className="muted">
              {t('report.uploading')}
            </p>
          )}
        </>
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
