import { initiativeRoutes, type Initiative } from '@pilotage/contracts';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { SubmitFooter, useSubmit } from '../../ui/useSubmit.tsx';
import { useSession } from '../identity/session.tsx';
import { TextAreaField } from '../reports/TextAreaField.tsx';
import { useInitiativeChanged } from './useInitiativeAction.ts';

/** An assigned expert declares a conflict of interest (then never scores) or none (then scores). */
export function DeclarePanel({ item }: { item: Initiative }) {
  const t = useT();
  const changed = useInitiativeChanged();
  const [conflict, setConflict] = useState<'none' | 'declared'>('none');
  const [reason, setReason] = useState('');
  const submission = useSubmit();
  const check = (): Record<string, string> =>
    conflict === 'declared' && !reason.trim() ? { reason: t('initiatives.form.required') } : {};
  const send = async () => {
    changed(
      await call(initiativeRoutes.declare, {
        params: { id: item.id },
        body: { conflict: conflict === 'declared', reason: reason.trim() || null },
      }),
    );
    return t('initiatives.declared');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(check, send);
  };
  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-labelledby="declare-h">
      <h2 id="declare-h">{t('initiatives.declareTitle')}</h2>
      <p className="small">{t('initiatives.declareIntro')}</p>
      <fieldset className="field">
        <legend className="visually-hidden">{t('initiatives.declareTitle')}</legend>
        {(['none', 'declared'] as const).map((c) => (
          <label key={c} className="checkbox">
            <input
              type="radio"
              name="conflict"
              value={c}
              checked={conflict === c}
              onChange={() => setConflict(c)}
            />{' '}
            {t(c === 'none' ? 'initiatives.declareNone' : 'initiatives.declareConflict')}
          </label>
        ))}
      </fieldset>
      {conflict === 'declared' && (
        <TextAreaField
          label={t('initiatives.declareReason')}
          rows={2}
          value={reason}
          error={submission.errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <SubmitFooter state={submission} label={t('initiatives.declareTitle')} />
    </form>
  );
}

/** The expert's scores, one per criterion of the initiative's rubric version. */
export function ScorePanel({ item }: { item: Initiative }) {
  const t = useT();
  const [lang] = useLang();
  const changed = useInitiativeChanged();
  const { me } = useSession();
  const own = item.experts.find((e) => e.userId === me?.user.id) ?? null;
  const rubric = item.rubric;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries((rubric?.criteria ?? []).map((c) => [c.code, String(own?.scores?.[c.code] ?? '')])),
  );
  const [comment, setComment] = useState(own?.comment ?? '');
  const submission = useSubmit();
  if (!rubric) return null;
  const check = () => {
    const local: Record<string, string> = {};
    for (const c of rubric.criteria) {
      const v = scores[c.code] ?? '';
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 0 || n > rubric.scaleMax)
        local[`scores.${c.code}`] = t('initiatives.scoreHint', { max: rubric.scaleMax });
    }
    return local;
  };
  const send = async () => {
    const body = {
      scores: Object.fromEntries(rubric.criteria.map((c) => [c.code, Number(scores[c.code])])),
      comment: comment.trim() || null,
    };
    changed(await call(initiativeRoutes.score, { params: { id: item.id }, body }));
    return t('initiatives.scoreSaved');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submission.submit(check, send);
  };
  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-labelledby="score-h">
      <h2 id="score-h">{t('initiatives.scoreTitle', { version: rubric.version })}</h2>
      <div className="score-grid">
        {rubric.criteria.map((c) => {
          const err = submission.errors[`scores.${c.code}`];
          return (
            <div className="field" key={c.code}>
              <label htmlFor={`score-${c.code}`}>
                {t('initiatives.criterion', { name: lang === 'en' ? c.nameEn : c.name, weight: c.weight })}
              </label>
              <p className="field-hint" id={`score-${c.code}-hint`}>
                {t('initiatives.scoreHint', { max: rubric.scaleMax })}
              </p>
              <input
                id={`score-${c.code}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={rubric.scaleMax}
                step={1}
                value={scores[c.code] ?? ''}
                aria-invalid={err ? true : undefined}
                aria-describedby={`score-${c.code}-hint`}
                onChange={(e) => setScores((s) => ({ ...s, [c.code]: e.target.value }))}
              />
              {err && <p className="field-error">{err}</p>}
            </div>
          );
        })}
      </div>
      <TextAreaField
        label={t('initiatives.comment')}
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <SubmitFooter state={submission} label={t('initiatives.scoreSend')} />
    </form>
  );
}
