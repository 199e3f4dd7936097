import {
  FEEDBACK_KINDS,
  publicFeedbackRoutes,
  SUBMITTER_TYPES,
  type FeedbackKind,
  type SubmitterType,
} from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, call, callWith } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { solveChallenge } from './pow.ts';

/** `/public/feedback`: the submission form for anyone, on a phone over a slow link. */
export function PublicSubmitPage() {
  const t = useT();
  usePageTitle(t('fb.public.title'));
  const topics = useQuery({ queryKey: ['fb-topics'], queryFn: () => call(publicFeedbackRoutes.topics) });
  const [f, setF] = useState({
    kind: 'difficulty' as FeedbackKind,
    topic: '',
    title: '',
    content: '',
    submitterType: 'citizen' as SubmitterType,
    name: '',
    email: '',
    phone: '',
    citizenId: '',
    provinceCode: '',
    consent: false,
    website: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<'idle' | 'sending' | 'checking'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ trackingCode: string; secret: string } | null>(null);
  const q = useDebounced(`${f.title} ${f.content}`.trim(), 600);
  const similar = useQuery({
    queryKey: ['fb-similar', q],
    queryFn: () => call(publicFeedbackRoutes.similar, { query: { q: q.slice(0, 500) } }),
    enabled: q.length >= 12,
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};

  const send = async (pow?: { challenge: string; nonce: string }) => {
    const body = {
      kind: f.kind,
      topic: f.topic || (topics.data?.items[0]?.code ?? ''),
      title: f.title,
      content: f.content,
      submitterType: f.submitterType,
      contact: {
        name: f.name,
        ...(f.email ? { email: f.email } : {}),
        ...(f.phone ? { phone: f.phone } : {}),
        ...(f.citizenId ? { citizenId: f.citizenId } : {}),
      },
      consentToPublish: f.consent,
      ...(f.provinceCode ? { provinceCode: f.provinceCode } : {}),
      ...(f.website ? { website: f.website } : {}),
      ...(pow ? { pow } : {}),
    };
    if (!files.length) return call(publicFeedbackRoutes.submit, { body });
    const form = new FormData();
    form.append('payload', JSON.stringify(body));
    for (const file of files) form.append('files', file);
    return callWith(publicFeedbackRoutes.submit, { body }, { formData: form });
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setState('sending');
    try {
      try {
        setSent(await send());
      } catch (err) {
        // the intake runs hot: solve a proof of work in the browser (about a second) and send again
        if (!(err instanceof ApiError) || err.status !== 428) throw err;
        setState('checking');
        const c = await call(publicFeedbackRoutes.challenge);
        setSent(await send({ challenge: c.challenge, nonce: await solveChallenge(c.challenge, c.bits) }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setState('idle');
    }
  };

  if (sent)
    return (
      <section className="card" aria-live="polite" data-testid="fb-sent">
        <h1>{t('fb.public.title')}</h1>
        <p>{t('fb.sent')}</p>
        <p className="fb-codes">
          {t('fb.trackingCode')}: <code data-testid="fb-code">{sent.trackingCode}</code>
          <br />
          {t('fb.secret')}: <code data-testid="fb-secret">{sent.secret}</code>
        </p>
        <p>
          <Link
            className="button button-primary"
            to={`/public/feedback/track#${sent.trackingCode}:${sent.secret}`}
          >
            {t('fb.openTracking')}
          </Link>
        </p>
      </section>
    );

  return (
    <>
      <h1>{t('fb.public.title')}</h1>
      <p className="muted">{t('fb.public.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="fb-form">
        <div className="field">
          <label htmlFor="fb-kind">{t('fb.kind')}</label>
          <select id="fb-kind" value={f.kind} onChange={set('kind')}>
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fb.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fb-topic">{t('fb.topic')}</label>
          <select id="fb-topic" value={f.topic} onChange={set('topic')}>
            {(topics.data?.items ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('fb.titleField')}
          name="title"
          required
          value={f.title}
          onChange={set('title')}
          error={fieldErrors.title}
          maxLength={200}
        />
        <div className="field">
          <label htmlFor="fb-content">{t('fb.content')}</label>
          <textarea
            id="fb-content"
            name="content"
            rows={6}
            value={f.content}
            onChange={set('content')}
            aria-invalid={fieldErrors.content ? true : undefined}
          />
          {fieldErrors.content && <p className="field-error">{fieldErrors.content}</p>}
        </div>
        {similar.data && similar.data.items.length > 0 && (
          <aside className="fb-similar" data-testid="fb-similar">
            <h2 className="h3">{t('fb.similar')}</h2>
            <ul>
              {similar.data.items.map((s, i) => (
                <li key={i}>
                  <strong>{s.title}</strong> — {t(`fb.status.${s.status}`)}
                  {s.answer && <p className="small">{s.answer.slice(0, 200)}</p>}
                </li>
              ))}
            </ul>
          </aside>
        )}
        <div className="field">
          <label htmlFor="fb-submitter">{t('fb.submitterType')}</label>
          <select id="fb-submitter" value={f.submitterType} onChange={set('submitterType')}>
            {SUBMITTER_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`fb.submitter.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="field-hint">{t('fb.contactHint')}</p>
        <TextField
          label={t('fb.name')}
          name="name"
          autoComplete="name"
          value={f.name}
          onChange={set('name')}
          error={fieldErrors['contact.name']}
        />
        <TextField
          label={t('fb.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={f.email}
          onChange={set('email')}
          error={fieldErrors['contact.email']}
        />
        <TextField
          label={t('fb.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          value={f.phone}
          onChange={set('phone')}
          error={fieldErrors['contact.phone']}
        />
        <TextField
          label={t('fb.citizenId')}
          name="citizenId"
          inputMode="numeric"
          value={f.citizenId}
          onChange={set('citizenId')}
          error={fieldErrors['contact.citizenId']}
        />
        <TextField
          label={t('fb.province')}
          name="province"
          value={f.provinceCode}
          onChange={set('provinceCode')}
          error={fieldErrors.provinceCode}
        />
        <div className="field">
          <label htmlFor="fb-files">{t('fb.files')}</label>
          <input
            id="fb-files"
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.doc,.xls"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        <div className="fb-honeypot" aria-hidden="true">
          <label htmlFor="fb-website">Website</label>
          <input
            id="fb-website"
            tabIndex={-1}
            autoComplete="off"
            value={f.website}
            onChange={set('website')}
          />
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={f.consent}
              onChange={(e) => setF({ ...f, consent: e.target.checked })}
            />{' '}
            {t('fb.consent')}
          </label>
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" disabled={state !== 'idle'}>
          {state === 'checking' ? t('fb.checking') : state === 'sending' ? t('fb.sending') : t('fb.send')}
        </button>
      </form>
    </>
  );
}
