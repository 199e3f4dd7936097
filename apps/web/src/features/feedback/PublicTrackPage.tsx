import { publicFeedbackRoutes, type FeedbackTracking } from '@pilotage/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../api/client.ts';
import { formatDateTime, hasKey, useLang, useT, type MessageKey } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Clock } from './Clock.tsx';

/** `/public/feedback/track`: follow a submission with its code and secret (the e-mailed link fills them). */
export function PublicTrackPage() {
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('fb.track.title'));
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [item, setItem] = useState<FeedbackTracking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [score, setScore] = useState(5);

  const load = async (c = code, s = secret) => {
    setError(null);
    try {
      setItem(
        await call(publicFeedbackRoutes.track, {
          params: { trackingCode: c.trim() },
          query: { secret: s.trim() },
        }),
      );
    } catch (err) {
      setItem(null);
      setError(err);
    }
  };
  useEffect(() => {
    // `#CODE:SECRET` from the e-mail or the confirmation page: never sent to the server by the browser
    const [c, s] = decodeURIComponent(window.location.hash.slice(1)).split(':');
    if (c && s) {
      setCode(c);
      setSecret(s);
      void load(c, s);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const act = async (fn: () => Promise<FeedbackTracking>) => {
    setError(null);
    try {
      setItem(await fn());
      setText('');
    } catch (err) {
      setError(err);
    }
  };
  const params = { trackingCode: code.trim() };

  return (
    <>
      <h1>{t('fb.track.title')}</h1>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void load();
        }}
      >
        <TextField
          label={t('fb.trackingCode')}
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
        />
        <TextField
          label={t('fb.secret')}
          name="secret"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="button button-primary">
          {t('fb.track.submit')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {item && (
        <section className="card" data-testid="fb-tracking" aria-live="polite">
          <h2>{item.title}</h2>
          <p>
            <span className={`status-badge fb-${item.status}`} data-testid="fb-status">
              {t(`fb.status.${item.status}`)}
            </span>{' '}
            · {item.topic} · {t('fb.unit')}: {item.unitName}
          </p>
          <p>
            <Clock clock={item.clock} />
          </p>
          {item.answer && (
            <>
              <h3>{t('fb.answer')}</h3>
              <div className="fb-answer" data-testid="fb-answer">
                {item.answer.body}
              </div>
              <p className="small">{formatDateTime(lang, item.answer.answeredAt)}</p>
            </>
          )}
          {item.question && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => call(publicFeedbackRoutes.reply, { params, body: { secret, message: text } }));
              }}
            >
              <p>
                <strong>{t('fb.question')}</strong> {item.question}
              </p>
              <textarea
                aria-label={t('fb.reply')}
                rows={4}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" className="button">
                {t('fb.reply')}
              </button>
            </form>
          )}
          {item.rating && <p data-testid="fb-rated">{t('fb.rated', { score: item.rating.score })}</p>}
          {item.canRate && (
            <form
              data-testid="fb-rate"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() =>
                  call(publicFeedbackRoutes.rate, {
                    params,
                    body: { secret, score, ...(text ? { comment: text } : {}) },
                  }),
                );
              }}
            >
              <h3>{t('fb.rate')}</h3>
              <div className="field">
                <label htmlFor="fb-score">{t('fb.score')}</label>
                <select id="fb-score" value={score} onChange={(e) => setScore(Number(e.target.value))}>
                  {[5, 4, 3, 2, 1].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="fb-comment">{t('fb.comment')}</label>
                <textarea id="fb-comment" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
              </div>
              <button type="submit" className="button button-primary">
                {t('fb.rateSend')}
              </button>
            </form>
          )}
          {item.canReopen && !item.canRate && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => call(publicFeedbackRoutes.reopen, { params, body: { secret, reason: text } }));
              }}
            >
              <div className="field">
                <label htmlFor="fb-reason">{t('fb.reason')}</label>
                <textarea id="fb-reason" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
              </div>
              <button type="submit" className="button">
                {t('fb.reopen')}
              </button>
            </form>
          )}
          <h3>{t('fb.history')}</h3>
          <ol className="fb-history">
            {item.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(lang, h.at)} —{' '}
                {h.status
                  ? t(`fb.status.${h.status}`)
                  : hasKey(`fb.step.${h.action}`)
                    ? t(`fb.step.${h.action}` as MessageKey)
                    : h.action}
                {h.message && <p className="small prewrap">{h.message}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
