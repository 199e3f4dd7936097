import { notificationRoutes, type Notification } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../api/client.ts';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useNotifications } from './notifications.ts';
import '../tasks/tasks.css';

const PAGE = 20;

/** `/notifications`: reminders (due soon, overdue, missing report, escalation) and review outcomes. */
export function NotificationsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const list = useNotifications({ ...(unreadOnly ? { unread: 'true' as const } : {}), limit: PAGE, offset });
  usePageTitle(t('tasks.nav.notifications'));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });

  const readAll = async () => {
    setError(null);
    try {
      await call(notificationRoutes.readAll);
      refresh();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1>{t('tasks.nav.notifications')}</h1>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setOffset(0);
            }}
          />
          {t('report.unreadOnly')}
        </label>
        {!!list.data?.unread && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void readAll()}
          >
            {t('report.readAll')}
          </button>
        )}
      </div>
      <ErrorNotice error={error ?? list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <section aria-labelledby="notif-count">
          <h2 id="notif-count" aria-live="polite">
            {t('report.unreadCount', { count: list.data.unread })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{t('report.noNotifications')}</p>
          ) : (
            <ul className="card-list" data-testid="notifications">
              {list.data.items.map((n) => (
                <NotificationItem key={n.id} item={n} onRead={refresh} />
              ))}
            </ul>
          )}
          <Pagination offset={offset} limit={PAGE} total={list.data.total} onChange={setOffset} />
        </section>
      )}
    </>
  );
}

function NotificationItem({ item, onRead }: { item: Notification; onRead: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const target = item.reportId
    ? `/reports/${item.reportId}`
    : item.assignmentId
      ? `/assignments/${item.assignmentId}`
      : item.kind === 'report_missing'
        ? '/my' // grouped: the unit's assignments, where the missing periods show
        : null;
  const markRead = () => {
    if (!item.readAt)
      void call(notificationRoutes.read, { params: { id: item.id } }).then(onRead, () => undefined);
  };
  return (
    <li className={`card notification${item.readAt ? '' : ' notification-unread'}`} data-kind={item.kind}>
      <p className="notification-meta">
        {!item.readAt && <span className="tag">{t('report.unread')}</span>}
        <time dateTime={item.createdAt}>{formatDateTime(lang, item.createdAt)}</time>
      </p>
      <p className="notification-text">
        {target ? (
          <Link to={target} onClick={markRead}>
            {item.message}
          </Link>
        ) : (
          item.message
        )}
      </p>
      {!item.readAt && (
        <button type="button" className="button-link" onClick={markRead}>
          {t('report.markRead')}
        </button>
      )}
    </li>
  );
}
