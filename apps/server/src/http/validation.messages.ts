/**
 * Messages of field rules the contracts name by key (zod refinements with a message key), and the words
 * of codes that messages carry as parameters (a report's status).
 */
export const validationMessages = {
  vi: {
    username_format:
      'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: nguyen.van.a)',
    status_draft: 'bản nháp',
    status_pending_approval: 'chờ lãnh đạo phê duyệt',
    status_submitted: 'đã gửi, chờ thẩm định',
    status_accepted: 'đã tiếp nhận',
    status_returned: 'bị trả lại',
  },
  en: {
    username_format:
      'A username has only lower-case letters without accents, digits and . _ - (for example: nguyen.van.a)',
    status_draft: 'draft',
    status_pending_approval: "awaiting the leader's approval",
    status_submitted: 'submitted, awaiting review',
    status_accepted: 'accepted',
    status_returned: 'returned',
  },
} as const;
