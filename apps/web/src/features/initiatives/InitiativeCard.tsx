import type { PublicInitiative } from '@pilotage/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';

/** One initiative in a list: title, status and decision, domain, maturity, place, organisation. */
export function InitiativeCard({
  item,
  to,
  extra,
}: {
  item: PublicInitiative;
  to: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const [lang] = useLang();
  return (
    <li className="card initiative-card" data-code={item.code}>
      <div className="initiative-badges">
        <span className={`badge badge-${item.status}`}>{t(`initiatives.status.${item.status}`)}</span>
        {item.decision && (
          <span className="badge badge-decided">{t(`initiatives.decision.${item.decision}`)}</span>
        )}
        <span className="badge">{t('initiatives.trlShort', { trl: item.trl })}</span>
      </div>
      <h2>
        <Link to={to}>{item.title}</Link>
      </h2>
      <p className="initiative-meta">
        <span>{t(`tasks.category.${item.domain}`)}</span>
        <span>{t(`initiatives.kind.${item.kind}`)}</span>
        {item.province && <span>{item.province.name}</span>}
        <span>{item.organisation ?? t(`initiatives.proposer.${item.proposerType}`)}</span>
        <span>{formatDate(lang, item.submittedAt.slice(0, 10))}</span>
        <span className="muted">{item.code}</span>
      </p>
      <p className="small">{item.summary}</p>
      {extra}
    </li>
  );
}
