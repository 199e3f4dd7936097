import { formatDate, useLang, useT } from '../../i18n/index.tsx';

interface Props {
  deadline: string | null;
  originalDeadline?: string | null;
  deadlineUsed?: 'original' | 'extended' | 'none';
  isContinuous?: boolean;
}

/** The deadline in force; when an extension is used, the original one stays visible ("gia hạn"). */
export function DeadlineText({ deadline, originalDeadline, deadlineUsed, isContinuous }: Props) {
  const t = useT();
  const [lang] = useLang();
  if (isContinuous) return <span>{t('tasks.continuous')}</span>;
  if (!deadline) return <span>—</span>;
  return (
    <span className="deadline">
      <time dateTime={deadline}>{formatDate(lang, deadline)}</time>
      {deadlineUsed === 'extended' && originalDeadline && originalDeadline !== deadline && (
        <span className="deadline-original">
          {t('tasks.extendedFrom', { date: formatDate(lang, originalDeadline) })}
        </span>
      )}
    </span>
  );
}
