import type { z } from 'zod';
import type { FeedbackClock } from '@pilotage/contracts';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';

/** Deadline and time left, as shown wherever an item is shown. */
export function Clock({ clock }: { clock: z.infer<typeof FeedbackClock> }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <span data-testid="fb-clock" className={clock.overdue ? 'fb-clock-overdue' : undefined}>
      {t('fb.due')}: {formatDateTime(lang, clock.dueAt)}
      {clock.paused
        ? ` · ${t('fb.paused')}`
        : clock.overdue
          ? ` · ${t('fb.overdue')}`
          : clock.workingDaysLeft !== null
            ? ` · ${t('fb.left', { days: clock.workingDaysLeft })}`
            : ''}
    </span>
  );
}
