import type { Lang } from '@pilotage/contracts';

export type SubmitterMailKind = 'received' | 'answered' | 'info_requested' | 'rejected' | 'status';

/**
 * E-mails to the submitter (pure). The secret appears only in the first one, which is composed while the
 * secret is still known (it is never stored); the tracking link carries it in the fragment (#), which
 * browsers never send to a server, so it lands in no access log.
 */
export function submitterMail(
  lang: Lang,
  kind: SubmitterMailKind,
  v: { trackingCode: string; secret?: string; title: string; due?: Date; status?: string },
): { subject: string; body: string } {
  const link = `/public/feedback/track#${v.trackingCode}${v.secret ? `:${v.secret}` : ''}`;
  const due = v.due ? v.due.toISOString().slice(0, 10) : '';
  if (lang === 'en') {
    const subjects: Record<SubmitterMailKind, string> = {
      received: `Your feedback ${v.trackingCode} was received`,
      answered: `Your feedback ${v.trackingCode} has been answered`,
      info_requested: `More information is needed for ${v.trackingCode}`,
      rejected: `Your feedback ${v.trackingCode} was not accepted`,
      status: `Your feedback ${v.trackingCode} changed status`,
    };
    const lines = [
      `"${v.title}"`,
      kind === 'received'
        ? `Tracking code: ${v.trackingCode}\nSecret: ${v.secret}\nKeep both: they are the only way to follow your submission. Expected answer by ${due}.`
        : `Status: ${v.status ?? kind}`,
      `Follow it here: ${link}`,
    ];
    return { subject: subjects[kind], body: lines.join('\n\n') };
  }
  const subjects: Record<SubmitterMailKind, string> = {
    received: `Đã tiếp nhận phản ánh, kiến nghị ${v.trackingCode}`,
    answered: `Phản ánh, kiến nghị ${v.trackingCode} đã có trả lời`,
    info_requested: `Cần bổ sung thông tin cho phản ánh ${v.trackingCode}`,
    rejected: `Phản ánh ${v.trackingCode} không được tiếp nhận`,
    status: `Phản ánh ${v.trackingCode} đã thay đổi trạng thái`,
  };
  const lines = [
    `"${v.title}"`,
    kind === 'received'
      ? `Mã theo dõi: ${v.trackingCode}\nMã bí mật: ${v.secret}\nHãy giữ cả hai mã: đây là cách duy nhất để theo dõi phản ánh của bạn. Hạn trả lời dự kiến: ${due}.`
      : `Trạng thái: ${v.status ?? kind}`,
    `Theo dõi tại: ${link}`,
  ];
  return { subject: subjects[kind], body: lines.join('\n\n') };
}
