import { reviewRoutes } from '@pilotage/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { ProgrammeControls } from '../tasks/ProgrammeControls.tsx';
import { StatusDistribution } from '../tasks/StatusDistribution.tsx';
import { todayIso, useProgrammes } from '../tasks/tasks.ts';
import { Downloads } from './Downloads.tsx';
import {
  ReviewDifficulties,
  ReviewMissing,
  ReviewOverdue,
  ReviewTasks,
  ReviewWhy,
} from './ReviewSections.tsx';
import '../tasks/tasks.css';

/**
 * `/programmes/:id/review?asOf=`: the (semi-annual) review of a programme as of a date — what was done,
 * what was not and why, who is late, who did not report, the most cited difficulties — with its downloads.
 */
export function ReviewPage() {
  const t = useT();
  const [lang] = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') || todayIso();
  const programmes = useProgrammes();
  const review = useQuery({
    queryKey: ['tasks', 'review', id, asOf],
    queryFn: () => call(reviewRoutes.review, { params: { id: id! }, query: { asOf } }),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
  usePageTitle(t('programme.reviewTitle'));
  const r = review.data;
  const listLink = (extra: Record<string, string>) =>
    `/tasks?${new URLSearchParams({ programmeId: id ?? '', asOf, ...extra }).toString()}`;

  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/programmes/${id}?asOf=${asOf}`}>{t('tasks.overviewTitle')}</Link>
          </li>
          <li aria-current="page">{t('programme.reviewTitle')}</li>
        </ol>
      </nav>
      <h1>{t('programme.reviewTitle')}</h1>
      {programmes.data && id && (
        <ProgrammeControls
          programmes={programmes.data.items}
          programmeId={id}
          onProgramme={(next) => void navigate(`/programmes/${next}/review?asOf=${asOf}`)}
          asOf={asOf}
          onAsOf={(next) => setParams({ asOf: next }, { replace: true })}
        />
      )}
      <ErrorNotice error={review.error ?? programmes.error} />
      {!r && !review.error && <Loading />}
      {r && (
        <>
          <p className="lead">
            {r.programme.code} – {r.programme.title} ·{' '}
            {t('tasks.asOfLine', { date: formatDate(lang, r.asOf) })}
          </p>
          <StatusDistribution
            total={r.totals.total}
            completed={r.totals.completed}
            byStatus={r.totals.byStatus}
            atRisk={r.totals.atRisk}
            linkFor={(s) => listLink(s === 'at_risk' ? { atRisk: 'true' } : { status: s })}
          />
          <ReviewTasks rows={r.sections.done} id="review-done" title={t('programme.done')} />
          <ReviewTasks rows={r.sections.notDone} id="review-not-done" title={t('programme.notDone')} />
          <ReviewWhy report={r} />
          <ReviewOverdue report={r} />
          <ReviewMissing report={r} />
          <ReviewDifficulties report={r} />
          <Downloads programmeId={r.programme.id} asOf={r.asOf} />
        </>
      )}
    </>
  );
}
