/** Rows of progress reports, evidence (contract routes and the raw download) and completeness. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Client } from '../factories.ts';
import { multipartBody, tinyPdf } from '../reports-helpers.ts';
import {
  ALL_SIGNED_IN,
  each,
  expectStatus,
  is,
  row,
  signedInRow,
  visibilityRow,
  type M,
  type Rows,
  type SignedInClass,
} from '../matrix.ts';
import {
  draftReport,
  SEES_ASSIGNMENT,
  SEES_REPORT,
  uploadEvidence,
  type ReportPlace,
} from '../matrix-world.ts';

const REPORT_PLACES = ['commune', 'otherCommune', 'otherProvinceCommune'] as const;
/** Members of the assigned unit (write, see drafts): only the commune seats, for the commune. */
const isMember = (role: SignedInClass, place: ReportPlace) =>
  (role === 'communeOfficer' || role === 'communeLead') && place === 'commune';
const seesReport = (role: SignedInClass, place: ReportPlace) =>
  (SEES_REPORT[role] as readonly string[]).includes(place);

/** Fresh drafts of a new chain's communes, one per place. */
async function freshDrafts(m: M, period = '2025-08') {
  const { a } = await m.fx.chain();
  const drafts = {} as Record<ReportPlace, string>;
  for (const place of REPORT_PLACES)
    drafts[place] = await draftReport(m.fx.writerOf[place], a[place], period);
  return { a, drafts };
}

const pdfUpload = (reportId: string) => {
  const { payload, headers } = multipartBody('file', 'x.pdf', tinyPdf(), 'application/pdf');
  return { method: 'POST' as const, url: `/api/reports/${reportId}/evidence`, payload, headers };
};

const post = (m: M, role: SignedInClass, url: string, body: unknown = {}) =>
  m.w.call(role, 'POST', url, body);

export const reportRows = (m: M): Rows => {
  const reportsAndDraft = () => ({ ...m.fx.reports, communeDraft: m.fx.communeDraft });
  const seesWithDraft = Object.fromEntries(
    ALL_SIGNED_IN.map((r) => [
      r,
      [...SEES_REPORT[r], ...(r === 'communeOfficer' || r === 'communeLead' ? ['communeDraft'] : [])],
    ]),
  ) as Record<SignedInClass, string[]>;

  /** Submitted reports of a fresh chain: hidden → 404; seen but not the assigning unit's reviewer → 403. */
  const review = (action: 'accept' | 'return') =>
    row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/reports/${m.fx.reports.commune}/${action}`,
        () => ({
          reason: 'x',
        }),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const { reports } = await m.fx.submitted(a, '2025-09');
        const body = action === 'return' ? { reason: 'Bổ sung minh chứng' } : {};
        for (const place of REPORT_PLACES) {
          const res = await post(m, role as SignedInClass, `/api/reports/${reports[place]}/${action}`, body);
          const expected = seesReport(role as SignedInClass, place) ? 403 : 404;
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(expected);
        }
        // the assigning unit's reviewer may (Hà Nội's lead cannot: it approves, it does not review)
        const reviewer: Client = m.fx.makers.provinceReviewer;
        is(await reviewer.post(`/api/reports/${reports.commune}/${action}`, body), 200);
      }),
    });

  return {
    'report.get': visibilityRow(m, 'GET', reportsAndDraft, (id) => `/api/reports/${id}`, seesWithDraft),
    'report.listForAssignment': signedInRow(
      m,
      'GET',
      () => `/api/assignments/${m.fx.assignments.commune}/reports`,
      each(ALL_SIGNED_IN, async (role) => {
        for (const place of REPORT_PLACES) {
          const res = await m.w.call(role, 'GET', `/api/assignments/${m.fx.assignments[place]}/reports`);
          const seen = (SEES_ASSIGNMENT[role as SignedInClass] as readonly string[]).includes(place);
          expect(res.statusCode, `${role} ${place}`).toBe(seen ? 200 : 404);
          if (!seen) continue;
          const got = (res.json().items as { id: string }[]).map((i) => i.id);
          expect(got).toContain(m.fx.reports[place]);
          // drafts stay inside the unit
          if (place === 'commune')
            expect(got.includes(m.fx.communeDraft)).toBe(isMember(role as SignedInClass, place));
        }
      }),
    ),
    'report.save': row({
      anonymous: async (role) =>
        is(
          await m.w.call(role, 'PUT', `/api/reports/${randomUUID()}`, {
            assignmentId: m.fx.assignments.commune,
            period: '2025-10',
            progress: 1,
          }),
          401,
        ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { a } = await m.fx.chain();
        const unknown = await m.w.call(role, 'PUT', `/api/reports/${randomUUID()}`, {
          assignmentId: randomUUID(),
          period: '2025-10',
          progress: 10,
        });
        is(unknown, 400);
        for (const place of REPORT_PLACES) {
          const res = await m.w.call(role, 'PUT', `/api/reports/${randomUUID()}`, {
            assignmentId: a[place],
            period: '2025-10',
            progress: 10,
          });
          const seen = (SEES_ASSIGNMENT[role as SignedInClass] as readonly string[]).includes(place);
          // an assignment the caller cannot see is answered like an unknown one: 400 on assignmentId
          const expected = isMember(role as SignedInClass, place) ? 200 : seen ? 403 : 400;
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(expected);
        }
      }),
    }),
    'report.submit': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/reports/${m.fx.communeDraft}/submit`,
        () => ({}),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { drafts } = await freshDrafts(m);
        for (const place of REPORT_PLACES) {
          const res = await post(m, role as SignedInClass, `/api/reports/${drafts[place]}/submit`);
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(
            isMember(role as SignedInClass, place) ? 200 : 404,
          );
        }
      }),
    }),
    'report.approve': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/reports/${m.fx.communeDraft}/approve`,
        () => ({}),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        // a province report waiting for its lead's approval: the unit's business only
        const { a } = await m.fx.chain();
        const id = await draftReport(m.w.seats.provinceOfficer.client, a.province);
        is(await m.w.seats.provinceOfficer.client.post(`/api/reports/${id}/submit`, {}), 200);
        is(
          await post(m, role as SignedInClass, `/api/reports/${id}/approve`),
          role === 'provinceOfficer' ? 403 : 404,
        );
        is(await m.fx.makers.provinceLead.post(`/api/reports/${id}/approve`, {}), 200);
      }),
    }),
    'report.withdraw': row({
      anonymous: expectStatus(
        m,
        401,
        'POST',
        () => `/api/reports/${m.fx.reports.commune}/withdraw`,
        () => ({}),
      ),
      ...each(ALL_SIGNED_IN, async (role) => {
        // submitted, not yet reviewed: only the assigned unit takes it back; others see it (403) or not (404)
        const { a } = await m.fx.chain();
        const { reports } = await m.fx.submitted(a, '2025-09');
        for (const place of REPORT_PLACES) {
          const res = await post(m, role as SignedInClass, `/api/reports/${reports[place]}/withdraw`);
          const expected = isMember(role as SignedInClass, place)
            ? 200
            : seesReport(role as SignedInClass, place)
              ? 403
              : 404;
          expect(res.statusCode, `${role} ${place}: ${res.body.slice(0, 200)}`).toBe(expected);
        }
        // once reviewed, nobody may: the assigned unit gets 409
        is(await m.fx.makers.provinceReviewer.post(`/api/reports/${reports.otherCommune}/accept`, {}), 200);
        is(await m.fx.writerOf.otherCommune.post(`/api/reports/${reports.otherCommune}/withdraw`, {}), 409);
      }),
    }),
    'report.accept': review('accept'),
    'report.return': review('return'),
    'report.reviewQueue': signedInRow(
      m,
      'GET',
      () => '/api/review-queue',
      each(ALL_SIGNED_IN, async (role) => {
        const res = await m.w.call(role, 'GET', '/api/review-queue?limit=100');
        is(res, 200);
        const got = new Set((res.json().items as { id: string }[]).map((i) => i.id));
        for (const place of REPORT_PLACES)
          if (!seesReport(role as SignedInClass, place))
            expect(got.has(m.fx.reports[place]), `${role} ${place}`).toBe(false);
        expect(got.has(m.fx.communeDraft)).toBe(false);
        if (role === 'provinceOfficer') {
          const mine = await m.fx.makers.provinceReviewer.get('/api/review-queue?limit=100');
          expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual(
            expect.arrayContaining([m.fx.reports.commune, m.fx.reports.otherCommune]),
          );
        }
      }),
    ),
    'report.timeline': visibilityRow(
      m,
      'GET',
      () => m.fx.assignments,
      (id) => `/api/assignments/${id}/timeline`,
      SEES_ASSIGNMENT,
    ),
    'report.uploadEvidence': row({
      anonymous: async (role) =>
        is(await m.w.call(role, 'POST', `/api/reports/${m.fx.communeDraft}/evidence`), 401),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { drafts } = await freshDrafts(m);
        const seat = role === 'anonymous' ? undefined : m.w.seats[role];
        for (const place of REPORT_PLACES) {
          if (isMember(role as SignedInClass, place)) {
            await uploadEvidence(seat!.client, drafts[place]);
            continue;
          }
          const res = await seat!.client.request(pdfUpload(drafts[place]));
          expect(res.statusCode, `${role} ${place}`).toBe(404);
        }
        // a submitted report seen by the caller, but not theirs to write
        if (seesReport(role as SignedInClass, 'otherCommune'))
          is(await seat!.client.request(pdfUpload(m.fx.reports.otherCommune)), 403);
      }),
    }),
    'report.deleteEvidence': row({
      anonymous: async (role) =>
        is(await m.w.call(role, 'DELETE', `/api/evidence/${m.fx.evidence.commune}`), 401),
      ...each(ALL_SIGNED_IN, async (role) => {
        const { drafts } = await freshDrafts(m);
        for (const place of REPORT_PLACES) {
          const ev = await uploadEvidence(m.fx.writerOf[place], drafts[place]);
          const res = await m.w.call(role, 'DELETE', `/api/evidence/${ev}`);
          expect(res.statusCode, `${role} ${place}`).toBe(isMember(role as SignedInClass, place) ? 200 : 404);
        }
      }),
    }),
    'report.completeness': signedInRow(
      m,
      'GET',
      () => `/api/reporting/completeness?programmeId=${m.fx.programmeId}&period=2025-06`,
      each(ALL_SIGNED_IN, async (role) => {
        const res = await m.w.call(
          role,
          'GET',
          `/api/reporting/completeness?programmeId=${m.fx.programmeId}&period=2025-06`,
        );
        is(res, 200);
        const units = new Set((res.json().items as { unit: { id: string } }[]).map((i) => i.unit.id));
        const u = m.w.units;
        const allowed: Record<SignedInClass, string[]> = {
          communeOfficer: [u.commune],
          communeLead: [u.commune],
          provinceOfficer: [u.province, u.commune, u.otherCommune],
          ministryOfficer: [u.ministry],
          steering: Object.values(u),
          admin: Object.values(u),
        };
        for (const id of units)
          expect(allowed[role as SignedInClass], `${role} sees unit ${id}`).toContain(id);
        expect(units.size).toBeGreaterThan(0);
      }),
    ),
    'evidence.download': visibilityRow(
      m,
      'GET',
      () => m.fx.evidence,
      (id) => `/api/evidence/${id}`,
      SEES_REPORT,
    ),
  };
};
