import type { TaskStatus } from '@pilotage/contracts';
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { AssignmentTable } from './AssignmentTable.tsx';
import { STATUS_ORDER, useAssignments } from './tasks.ts';

const PAGE = 25;

/** The units an assignment was cascaded to (a province's communes), filterable by status, paged. */
export function CascadeChildren({
  parentId,
  count,
  asOf,
}: {
  parentId: string;
  count: number;
  asOf?: string | undefined;
}) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const children = useAssignments({
    parentAssignmentId: parentId,
    asOf,
    status: status || undefined,
    limit: PAGE,
    offset,
  });
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t('tasks.cascadedTo')} <span className="count">({count})</span>
      </h2>
      {count > 5 && (
        <div className="field field-inline">
          <label htmlFor={`${id}-status`}>{t('common.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as TaskStatus | '');
              setOffset(0);
            }}
          >
            <option value="">{t('common.all')}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {t(`tasks.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {children.error && <ErrorNotice error={children.error} />}
      {!children.data && !children.error && <Loading />}
      {children.data &&
        (children.data.items.length === 0 ? (
          <p>{t('tasks.noResults')}</p>
        ) : (
          <AssignmentTable
            items={children.data.items}
            caption={t('tasks.cascadedTo')}
            showAssigner={false}
            asOf={asOf}
          />
        ))}
      {children.data && (
        <Pagination offset={offset} limit={PAGE} total={children.data.total} onChange={setOffset} />
      )}
    </section>
  );
}
