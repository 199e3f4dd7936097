/** Vietnamese strings of an assignment's reporting: awaiting review, missing periods, status reasons. */
export const viReporting = {
  'reporting.awaitingReview': 'Chờ thẩm định: {progress} ({period})',
  'reporting.awaitingReviewHelp':
    'Tiến độ chính thức lấy từ báo cáo đã được chấp nhận gần nhất; báo cáo đang chờ thẩm định được hiển thị riêng.',
  'reporting.missing': 'Còn thiếu {count} kỳ báo cáo, sớm nhất: {period} (hạn nộp {due})',
  'reporting.writeMissing': 'Báo cáo {period}',
  'reporting.returned': '{count} báo cáo bị trả lại, cần sửa: {period}',
  'reporting.fixReturned': 'Sửa báo cáo {period}',
  'reporting.nextDue': 'Báo cáo {period}: hạn nộp {due}',
  'reporting.awaitingApproval': 'Báo cáo {period} đang chờ lãnh đạo đơn vị phê duyệt',
  'reporting.openReport': 'Xem báo cáo {period}',
  'reporting.asOfNotice': 'Số liệu tính đến ngày {date}.',
  'reporting.seeToday': 'Xem số liệu hôm nay',
  'reporting.reason.overdueDated': 'Quá hạn {days} ngày so với hạn {deadline}.',
  'reporting.reason.continuousMissing':
    'Nhiệm vụ thường xuyên được đánh giá theo báo cáo định kỳ: chưa nhận được báo cáo {period} (hạn nộp {due}).',
  'reporting.reason.continuousOnTime': 'Báo cáo {period} đã nộp đúng hạn.',
  'reporting.reason.continuousLate': 'Báo cáo {period} nộp sau hạn {due}.',
  'reporting.reason.continuousFull':
    'Tỷ lệ 100 % không kết thúc nhiệm vụ thường xuyên: đơn vị vẫn báo cáo từng kỳ.',
  'reporting.reason.noReport': 'Chưa nhận báo cáo {period}',
  'reporting.collapse': 'Thu gọn',
} as const;
