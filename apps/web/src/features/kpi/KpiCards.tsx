import type { Indicator } from '@pilotage/contracts';
import { useLang, useT } from '../../i18n/index.tsx';
import { formatCell } from '../../ui/charts/dataset.ts';
import { periodLabel, useTogglePin, useTrajectory } from './kpi.ts';

const pct = (lang: 'vi' | 'en', v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatCell(lang, { key: '', label: '', kind: 'percent' }, v);

/** One KPI: its value in the period against the target of that date, judged; select it or pin it. */
function KpiCard({
  indicator,
  unit,
  period,
  from,
  selected,
  onSelect,
  pinned,
}: {
  indicator: Indicator;
  unit: string | undefined;
  period: string;
  from: string;
  selected: boolean;
  onSelect: () => void;
  pinned: string[] | undefined;
}) {
  const t = useT();
  const [lang] = useLang();
  const traj = useTrajectory(indicator.code, unit, from, period);
  const point = traj.data?.points.find((p) => p.period === period);
  const toggle = useTogglePin();
  const isPinned = pinned?.includes(indicator.code) ?? false;
  const name = lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name;
  return (
    <li className="card kpi-card" aria-current={selected} data-testid={`kpi-card-${indicator.code}`}>
      <span className="kpi-card-name">{name}</span>
      <span className="kpi-card-value" aria-busy={traj.isLoading}>
        {traj.isLoading ? '…' : pct(lang, point?.value)}
      </span>
      <span className="muted">
        {t('kpi.card.target', { target: pct(lang, point?.target), period: periodLabel(period) })}
      </span>
      {point?.judgement && (
        <span className={`judgement judgement-${point.judgement}`}>
          {t(`kpi.judgement.${point.judgement}`)}
        </span>
      )}
      <span className="kpi-card-actions">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-pressed={selected}
          onClick={onSelect}
        >
          {t('kpi.card.show')}
        </button>
        {pinned && (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={isPinned}
            disabled={toggle.isPending}
            onClick={() => toggle.mutate({ code: indicator.code, pinned })}
          >
            {isPinned ? t('kpi.card.unpin') : t('kpi.card.pin')}
          </button>
        )}
      </span>
    </li>
  );
}

export function KpiCards(props: {
  indicators: Indicator[];
  unit?: string | undefined;
  period: string;
  from: string;
  selected: string | undefined;
  onSelect: (code: string) => void;
  pinned: string[] | undefined;
  label: string;
}) {
  return (
    <ul className="kpi-cards" aria-label={props.label}>
      {props.indicators.map((i) => (
        <KpiCard
          key={i.code}
          indicator={i}
          unit={props.unit}
          period={props.period}
          from={props.from}
          selected={props.selected === i.code}
          onSelect={() => props.onSelect(i.code)}
          pinned={props.pinned}
        />
      ))}
    </ul>
  );
}
