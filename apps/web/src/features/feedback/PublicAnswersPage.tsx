import { publicFeedbackRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';

/** `/public/answers`: published answers, searchable without diacritics. */
export function PublicAnswersPage() {
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('fb.answers.title'));
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 300);
  const list = useQuery({
    queryKey: ['fb-answers', dq],
    queryFn: () => call(publicFeedbackRoutes.answers, { query: { ...(dq ? { q: dq } : {}), limit: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>{t('fb.answers.title')}</h1>
      <TextField
        label={t('fb.search')}
        name="q"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ErrorNotice error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('fb.none')}</p>}
      <ul className="card-list" data-testid="fb-answers">
        {list.data?.items.map((a) => (
          <li key={a.id} className="card">
            <h2 className="h3">{a.title}</h2>
            <p className="small muted">
              {t(`fb.kind.${a.kind}`)} · {a.unitName} · {formatDate(lang, a.answeredAt.slice(0, 10))}
            </p>
            <div className="fb-answer">{a.answer}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
