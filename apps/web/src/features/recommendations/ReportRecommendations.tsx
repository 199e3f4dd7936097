import { publicFeedbackRoutes, recommendationRoutes, type ProgressReport } from '@pilotage/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { useSession } from '../identity/session.tsx';

const FIELDS = ['difficulties', 'proposals'] as const;
const SENT = new Set(['submitted', 'accepted', 'returned']);

/**
 * On a report page: the recommendations its difficulties and proposals became, and for reviewers, leads
 * and steering staff a one-action "promote to a recommendation" with a topic.
 */
export function ReportRecommendations({ report }: { report: ProgressReport }) {
  const t = useT();
  const [lang] = useLang();
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const key = ['recommendations', 'report', report.id];
  const links = useQuery({
    queryKey: key,
    queryFn: () => call(recommendationRoutes.forReport, { params: { id: report.id } }),
  });
  const canPromote = hasRole('reviewer', 'unit_lead', 'steering', 'admin') && SENT.has(report.status);
  const topics = useQuery({
    queryKey: ['feedback', 'topics', lang],
    queryFn: () => call(publicFeedbackRoutes.topics),
    enabled: canPromote,
    staleTime: 5 * 60_000,
  });
  const [topic, setTopic] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = links.data?.items ?? [];
  const open = FIELDS.filter((f) => report[f]?.trim() && !items.some((i) => i.field === f));
  if (items.length === 0 && !(canPromote && open.length)) return null;

  const promote = async (field: (typeof FIELDS)[number]) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const chosen = topic || topics.data?.items[0]?.code || '';
      const r = await call(recommendationRoutes.promote, {
        params: { id: report.id },
        body: { field, topic: chosen },
      });
      setDone(t(r.created ? 'recommend.promoted' : 'recommend.cited', { code: r.trackingCode }));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="recommend-h" data-testid="report-recommendations">
      <h2 id="recommend-h">{t('recommend.title')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.field}>
            {t('recommend.link', {
              field: t(`recommend.field.${i.field}`),
              code: i.trackingCode,
              status: t(`recommend.status.${i.status}`),
              unit: i.unitName,
              due: formatDate(lang, i.dueAt.slice(0, 10)),
              count: i.citations,
            })}
          </li>
        ))}
      </ul>
      {canPromote && open.length > 0 && (
        <>
          <div className="field field-inline">
            <label htmlFor="recommend-topic">{t('recommend.topic')}</label>
            <select id="recommend-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
              {(topics.data?.items ?? []).map((tp) => (
                <option key={tp.code} value={tp.code}>
                  {tp.name}
                </option>
              ))}
            </select>
          </div>
          <p className="button-row">
            {open.map((f) => (
              <button
                key={f}
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void promote(f)}
              >
                {t('recommend.promote')} — {t(`recommend.field.${f}`)}
              </button>
            ))}
          </p>
        </>
      )}
      <ErrorNotice error={failure} />
      <SuccessNotice>{done}</SuccessNotice>
    </section>
  );
}
