import { reviewRoutes, taskIoRoutes } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { downloadHref } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';

/**
 * Plain links (the session cookie authorises the download): exports and the review report of a programme,
 * in the language chosen in the UI.
 */
export function Downloads({ programmeId, asOf }: { programmeId: string; asOf: string }) {
  const t = useT();
  const [lang] = useLang();
  const href = (path: string, query: Record<string, string> = {}) =>
    downloadHref(path, { id: programmeId }, { asOf, ...query }, lang);
  return (
    <section aria-labelledby="downloads-title" className="card downloads">
      <h2 id="downloads-title">{t('programme.downloads')}</h2>
      <ul className="download-list">
        <li>
          <Link to={`/programmes/${programmeId}/review?asOf=${asOf}`}>{t('programme.reviewPage')}</Link>
        </li>
        <li>
          <a href={href(reviewRoutes.reviewDocx.path)} download>
            {t('programme.reviewDocx')}
          </a>
        </li>
        <li>
          <a href={href(reviewRoutes.reviewXlsx.path)} download>
            {t('programme.reviewXlsx')}
          </a>
        </li>
        <li>
          <a href={href(taskIoRoutes.exportXlsx.path)} download>
            {t('programme.exportXlsx')}
          </a>
        </li>
        <li>
          <a href={href(taskIoRoutes.exportCsv.path)} download>
            {t('programme.exportCsvTasks')}
          </a>
        </li>
        <li>
          <a href={href(taskIoRoutes.exportCsv.path, { table: 'assignments' })} download>
            {t('programme.exportCsvAssignments')}
          </a>
        </li>
      </ul>
    </section>
  );
}
