import { QUALITY_CRITERIA, type Assessment } from '@pilotage/contracts';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import './quality.css';

/** A class A/B/C as a badge (colour and text: never colour alone). */
export function GradeBadge({ grade }: { grade: 'A' | 'B' | 'C' | null }) {
  const t = useT();
  if (!grade) return <span className="muted">{t('quality.notRun')}</span>;
  return (
    <span className={`grade-badge grade-${grade}`} data-testid="grade">
      {t('quality.grade', { grade })}
    </span>
  );
}

export function Score({ value }: { value: number | null }) {
  const [lang] = useLang();
  return <>{value === null ? '–' : formatNumber(lang, value)}</>;
}

export function Trend({ value }: { value: number | null }) {
  const [lang] = useLang();
  if (value === null) return <span className="muted">–</span>;
  const sign = value > 0 ? '▲ +' : value < 0 ? '▼ ' : '';
  return (
    <span className={value > 0 ? 'trend-up' : value < 0 ? 'trend-down' : ''}>
      {sign}
      {formatNumber(lang, value)}
    </span>
  );
}

/** The six criteria with their scores, as a labelled list of bars. */
export function CriteriaScores({ criteria }: { criteria: Assessment['criteria'] }) {
  const t = useT();
  return (
    <ul className="criteria" data-testid="criteria">
      {QUALITY_CRITERIA.map((c) => {
        const v = criteria[c];
        return (
          <li key={c}>
            <span className="criteria-name">{t(`quality.criterion.${c}`)}</span>
            <span className="criteria-bar" aria-hidden="true">
              <span style={{ width: `${v ?? 0}%` }} />
            </span>
            <span className="criteria-value">
              <Score value={v} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A small JSON → YAML writer for check lists (flat objects; nested objects in flow style). */
export function checksToYaml(checks: Record<string, unknown>[]): string {
  const scalar = (v: unknown): string =>
    typeof v === 'string' ? (/^[A-Za-z_][\w.-]*$/.test(v) ? v : JSON.stringify(v)) : JSON.stringify(v);
  const flow = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(flow).join(', ')}]`
      : v && typeof v === 'object'
        ? `{ ${Object.entries(v)
            .map(([k, x]) => `${scalar(k)}: ${flow(x)}`)
            .join(', ')} }`
        : scalar(v);
  const lines = ['checks:'];
  for (const c of checks) {
    Object.entries(c).forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${flow(v)}`));
  }
  if (checks.length === 0) lines[0] = 'checks: []';
  return lines.join('\n') + '\n';
}
