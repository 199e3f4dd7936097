import type { HomeTodo, HomeView } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.tsx';
import { shortDate } from '../../ui/charts/dataset.ts';
import { formatPeriod } from '../reports/period.ts';

type Todo = NonNullable<HomeView['todo']>;

/**
 * Returned first (the reviewer is waiting), then overdue work (continuous work: its missing report is the
 * oldest one due), then reports due.
 */
const PRIORITY: HomeTodo['kind'][] = ['returned', 'overdue', 'report_due'];

interface Row {
  assignmentId: string;
  taskCode: string;
  taskTitle: string;
  items: HomeTodo[];
}

/** One row per assignment: a report due on overdue work is one thing to do, not two. */
function rowsOf(items: HomeTodo[]): Row[] {
  const rows = new Map<string, Row>();
  for (const item of items) {
    const row = rows.get(item.assignmentId) ?? { ...item, items: [] };
    row.items.push(item);
    rows.set(item.assignmentId, row);
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      items: r.items.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind)),
    }))
    .sort((a, b) => PRIORITY.indexOf(a.items[0]!.kind) - PRIORITY.indexOf(b.items[0]!.kind));
}

/** "Việc cần làm": the unit's overdue work, reports due and reports returned, each one tap from the form. */
export function TodoBlock({ todo }: { todo: Todo }) {
  const t = useT();
  const [lang] = useLang();
  const rows = rowsOf(todo.items);
  const what = (i: HomeTodo) => {
    const period = i.period ? formatPeriod(t, i.period) : '';
    const inSentence = lang === 'vi' ? period.charAt(0).toLowerCase() + period.slice(1) : period;
    if (i.kind === 'returned') return t('home.todo.returnedItem', { period });
    if (i.kind === 'report_due')
      return i.daysLate > 0
        ? t('home.todo.reportLate', { period, date: shortDate(i.dueOn!), days: i.daysLate })
        : t('home.todo.reportDue', { period, date: shortDate(i.dueOn!) });
    if (i.period && i.dueOn)
      return t('home.todo.overduePeriod', { period: inSentence, days: i.daysLate, date: shortDate(i.dueOn) });
    if (i.dueOn) return t('home.todo.overdueItem', { days: i.daysLate, date: shortDate(i.dueOn) });
    return t('home.todo.overdueShort');
  };
  const action = (row: Row) => {
    const first = row.items[0]!;
    const period = first.period ? `?period=${encodeURIComponent(first.period)}` : '';
    const label =
      first.kind === 'returned'
        ? t('home.todo.fix')
        : first.reportId
          ? t('home.todo.continue')
          : t('home.todo.report');
    return (
      <Link
        to={`/assignments/${row.assignmentId}/report${period}`}
        className="button button-primary button-small"
      >
        {label}
      </Link>
    );
  };
  return (
    <section className="card home-block" aria-labelledby="home-todo" data-testid="home-todo">
      <h2 id="home-todo">{t('home.todo.title')}</h2>
      <ul className="home-counts">
        <li className={todo.overdue > 0 ? 'home-count-danger' : undefined}>
          <strong>{todo.overdue}</strong> {t('home.todo.overdue')}
        </li>
        <li className={todo.reportsDue > 0 ? 'home-count-warn' : undefined}>
          <strong>{todo.reportsDue}</strong> {t('home.todo.reportsDue')}
        </li>
        <li className={todo.returned > 0 ? 'home-count-danger' : undefined}>
          <strong>{todo.returned}</strong> {t('home.todo.returned')}
        </li>
      </ul>
      {rows.length === 0 ? (
        <p className="home-none">{t('home.todo.none')}</p>
      ) : (
        <ul className="todo-list">
          {rows.map((row) => (
            <li key={row.assignmentId} className={`todo-item todo-${row.items[0]!.kind}`}>
              <div className="todo-text">
                <Link to={`/assignments/${row.assignmentId}`} className="todo-task">
                  <span className="todo-code">{row.taskCode}</span> {row.taskTitle}
                </Link>
                <ul className="todo-why">
                  {row.items.map((i) => (
                    <li key={i.kind} className={`todo-why-${i.kind}`}>
                      {what(i)}
                    </li>
                  ))}
                </ul>
              </div>
              {action(row)}
            </li>
          ))}
        </ul>
      )}
      <p className="home-more">
        <Link to="/my">{t('home.todo.all')}</Link>
      </p>
    </section>
  );
}
