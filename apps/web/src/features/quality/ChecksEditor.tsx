import { qualityRoutes } from '@pilotage/contracts';
import { useState, type FormEvent } from 'react';
import { callWith, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { checksToYaml } from './quality.tsx';

const STARTER = [
  { metric: 'missing_percent', column: 'so_dinh_danh', must: { lt: 1 }, criterion: 'sufficient' },
  {
    metric: 'invalid_percent',
    column: 'so_dinh_danh',
    format: 'citizen_id',
    must: { lt: 1 },
    criterion: 'correct',
  },
  { metric: 'duplicate_count', column: 'so_dinh_danh', must: { eq: 0 }, criterion: 'clean' },
];

/** The checks, edited as JSON or YAML; the server validates and names the check and field of each error. */
export function ChecksEditor(props: {
  databaseId: string;
  checks: Record<string, unknown>[];
  onSaved: () => void;
}) {
  const t = useT();
  const initial = props.checks.length ? props.checks : STARTER;
  const [format, setFormat] = useState<'json' | 'yaml'>('json');
  const [text, setText] = useState(() => JSON.stringify({ checks: initial }, null, 2));
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const switchTo = (next: 'json' | 'yaml') => {
    if (next === format) return;
    try {
      if (next === 'yaml')
        setText(checksToYaml((JSON.parse(text) as { checks: Record<string, unknown>[] }).checks));
      else setText(JSON.stringify({ checks: initial }, null, 2));
    } catch {
      setText(next === 'yaml' ? checksToYaml(initial) : JSON.stringify({ checks: initial }, null, 2));
    }
    setFormat(next);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const res = await callWith(
        qualityRoutes.putChecks,
        { params: { id: props.databaseId }, body: { checks: [] } },
        { text: { type: format === 'json' ? 'application/json' : 'application/yaml', body: text } },
      );
      setDone(t('quality.checks.saved', { count: res.count, version: res.checksVersion }));
      props.onSaved();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = failure instanceof ApiError ? (failure.problem.errors ?? []) : [];
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="checks-title">
      <h2 id="checks-title">{t('quality.checks.title')}</h2>
      <p className="field-hint">{t('quality.checks.hint')}</p>
      <fieldset className="field">
        <legend>{t('quality.checks.format')}</legend>
        <div className="checkbox-list">
          {(['json', 'yaml'] as const).map((f) => (
            <label key={f} className="checkbox">
              <input
                type="radio"
                name="checks-format"
                value={f}
                checked={format === f}
                onChange={() => switchTo(f)}
              />
              {f.toUpperCase()}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="checks-text">{t('quality.checks.editor')}</label>
        <textarea
          id="checks-text"
          className="checks-editor"
          rows={16}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={fieldErrors.length ? true : undefined}
        />
      </div>
      <ErrorNotice error={failure} />
      {fieldErrors.length > 0 && (
        <ul className="field-error" data-testid="check-errors">
          {fieldErrors.map((fe, i) => (
            <li key={i}>
              <code>{fe.path}</code>: {fe.message}
            </li>
          ))}
        </ul>
      )}
      <SuccessNotice>{done}</SuccessNotice>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('quality.checks.save')}
      </button>
    </form>
  );
}
