import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { useUnreadCount } from './notifications.ts';
import '../tasks/tasks.css';

/**
 * The header's bell: a link to the notifications page with the unread count (polled every minute). The
 * accessible name carries the count; the badge is decorative. Meant for the layout's header.
 */
export function NotificationBell() {
  const t = useT();
  const { data } = useUnreadCount();
  const count = data?.count ?? 0;
  const label = count > 0 ? t('report.bellUnread', { count }) : t('report.bell');
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
