import type { RankingLevel, Rankings } from '@pilotage/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { periodLabel, useRankings } from './kpi.ts';

type Item = Rankings['items'][number];

/** A league table: rank, unit, score, change since the previous period; units link to "why this rank". */
export function LeagueTable({
  level,
  period,
  parent,
  title,
  limit,
}: {
  level: RankingLevel;
  period: string;
  parent?: string | undefined;
  title: string;
  limit?: number;
}) {
  const t = useT();
  const [lang] = useLang();
  const q = useRankings(level, period, parent);
  const [all, setAll] = useState(false);
  const id = `league-${level}-${parent ?? 'all'}`;
  if (q.error) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const items = limit && !all ? q.data.items.slice(0, limit) : q.data.items;
  const name = (i: Item) => (lang === 'en' && i.unit.nameEn ? i.unit.nameEn : i.unit.name);
  const link = (i: Item) =>
    level === 'province'
      ? `/kpi/provinces/${i.unit.code}?period=${period}`
      : `/kpi/units/${i.unit.code}?period=${period}`;
  const num = (v: number | null) => (v === null ? '—' : formatNumber(lang, v));
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid={`league-${level}`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p className="muted">
        {t('kpi.league.note', {
          period: periodLabel(q.data.period),
          previous: periodLabel(q.data.previousPeriod),
          version: q.data.formulaVersion,
        })}
        {q.data.publishedAt ? ` ${t('kpi.league.published')}` : ` ${t('kpi.league.live')}`}
      </p>
      <DataTable<Item>
        id={`${id}-caption`}
        caption={title}
        rows={items}
        rowKey={(i) => i.unit.code}
        columns={[
          { label: t('kpi.league.rank'), cell: (i) => (i.rank === null ? '—' : i.rank) },
          { label: t('kpi.league.unit'), cell: (i) => <Link to={link(i)}>{name(i)}</Link> },
          { label: t('kpi.league.score'), cell: (i) => <strong>{num(i.score)}</strong> },
          {
            label: t('kpi.league.change'),
            cell: (i) =>
              i.change === null ? (
                '—'
              ) : (
                <span className={i.change > 0 ? 'change-up' : i.change < 0 ? 'change-down' : undefined}>
                  {i.change > 0 ? '▲ +' : i.change < 0 ? '▼ ' : ''}
                  {formatNumber(lang, i.change)}
                </span>
              ),
          },
          {
            label: t('kpi.league.components'),
            cell: (i) =>
              i.components
                .filter((c) => c.weight > 0)
                .map(
                  (c) => `${t(`kpi.component.${c.key}` as 'kpi.component.kpi_achievement')}: ${num(c.value)}`,
                )
                .join(' · '),
          },
        ]}
      />
      {limit && !all && q.data.items.length > limit && (
        <p className="muted">
          {t('kpi.league.more', { shown: limit, total: q.data.items.length })}{' '}
          <button type="button" className="button button-secondary button-small" onClick={() => setAll(true)}>
            {t('kpi.league.showAll')}
          </button>
        </p>
      )}
    </section>
  );
}
