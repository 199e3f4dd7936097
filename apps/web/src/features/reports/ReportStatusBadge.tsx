import type { ReportStatus } from '@pilotage/contracts';
import { useT } from '../../i18n/index.tsx';

/** A report's workflow state (nháp, chờ phê duyệt, đã gửi, đã tiếp nhận, bị trả lại). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  return (
    <span className={`status-badge report-${status}`} data-report-status={status}>
      {t(`report.status.${status}`)}
    </span>
  );
}
