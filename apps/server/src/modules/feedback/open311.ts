/**
 * Open311 GeoReport v2 shapes (pure): our statuses → open/closed, rows → service requests, and the XML form
 * of every answer. Nothing personal is ever mapped: no contact, no citizen ID (issue 10 item 9).
 */
import type { FeedbackStatus } from '@pilotage/contracts';

export const open311Status = (s: FeedbackStatus): 'open' | 'closed' =>
  s === 'received' || s === 'accepted' || s === 'processing' || s === 'info_requested' ? 'open' : 'closed';

/** Our statuses an Open311 `status` filter selects. */
export const statusesFor = (s: 'open' | 'closed'): FeedbackStatus[] =>
  s === 'open'
    ? ['received', 'accepted', 'processing', 'info_requested']
    : ['answered', 'closed', 'rejected', 'merged'];

export interface RequestRow {
  tracking_code: string;
  status: FeedbackStatus;
  topic_code: string;
  topic_name: string;
  title: string;
  content: string;
  consent_to_publish: boolean;
  unit_name: string;
  submitted_at: Date;
  updated_at: Date;
  due_at: Date;
  address_string: string | null;
  lat: number | null;
  long: number | null;
  answer: string | null;
  reject_reason: string | null;
}

const NOTES: Partial<Record<FeedbackStatus, string>> = {
  received: 'Đã tiếp nhận / Received',
  accepted: 'Đã thụ lý / Accepted',
  processing: 'Đang xử lý / Processing',
  info_requested: 'Chờ bổ sung thông tin / Waiting for information',
  closed: 'Đã đóng / Closed',
  merged: 'Đã gộp với phản ánh trùng / Merged into a duplicate',
};

/** One service request; the description only when the submitter consented to publication. */
export function toServiceRequest(r: RequestRow) {
  return {
    service_request_id: r.tracking_code,
    status: open311Status(r.status),
    status_notes:
      r.answer ?? (r.reject_reason ? `rejected: ${r.reject_reason}` : (NOTES[r.status] ?? r.status)),
    service_name: r.topic_name,
    service_code: r.topic_code,
    description: r.consent_to_publish ? `${r.title}\n\n${r.content}` : r.title,
    agency_responsible: r.unit_name,
    service_notice: '',
    requested_datetime: r.submitted_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.due_at.toISOString(),
    address: r.consent_to_publish ? (r.address_string ?? '') : '',
    address_id: '',
    zipcode: '',
    lat: r.consent_to_publish ? r.lat : null,
    long: r.consent_to_publish ? r.long : null,
    media_url: '',
  };
}

const ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
};
const esc = (v: string | number | boolean | null | undefined) =>
  String(v ?? '').replace(/[<>&'"]/g, (c) => ESCAPES[c]!);

function element(name: string, value: unknown): string {
  if (Array.isArray(value))
    return `<${name}>${value.map((v) => element(singular(name), v)).join('')}</${name}>`;
  if (value !== null && typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${esc(value as string | number | boolean | null | undefined)}</${name}>`;
}
const SINGULAR: Record<string, string> = {
  service_requests: 'request',
  services: 'service',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  keywords: 'keyword',
};
const singular = (name: string) => SINGULAR[name] ?? name;

/** The XML form of an answer: a list under its GeoReport root (`service_requests`, `services`, `errors`…). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}
