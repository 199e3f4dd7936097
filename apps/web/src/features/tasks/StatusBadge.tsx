import type { TaskStatus } from '@pilotage/contracts';
import { useT } from '../../i18n/index.tsx';

/**
 * A task or assignment status with its official Vietnamese wording (English in the English UI), and the
 * early-warning flag "at risk" next to it. Colour is never the only signal: the text says it all.
 */
export function StatusBadge({ status, atRisk }: { status: TaskStatus; atRisk?: boolean }) {
  const t = useT();
  return (
    <span className="status-cell">
      <span className={`status-badge status-${status}`} data-status={status}>
        {t(`tasks.status.${status}`)}
      </span>
      {atRisk && (
        <span className="status-badge status-at_risk" data-status="at_risk">
          {t('tasks.atRisk')}
        </span>
      )}
    </span>
  );
}

/** Progress as a native <progress> with its number (screen readers read the number, not the bar). */
export function ProgressValue({ value }: { value: number }) {
  const t = useT();
  return (
    <span className="progress-value">
      <progress max={100} value={value} aria-hidden="true" />
      <span>{t('tasks.percent', { value })}</span>
    </span>
  );
}
