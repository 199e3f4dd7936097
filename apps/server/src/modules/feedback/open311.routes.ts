import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { foldForSearch } from '@pilotage/contracts';
import { AppError } from '../../http/errors.ts';
import { langOf } from '../../http/route.ts';
import { t } from '../../http/messages.ts';
import type { Feedback } from './index.ts';
import { open311Requests } from './open311.repository.ts';
import { statusesFor, toServiceRequest, toXml } from './open311.ts';
import { PUBLIC_SCOPE } from '../org/index.ts';

export const OPEN311_BASE = '/open311/v2';
type Format = 'json' | 'xml';
type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string>;
  Body: Record<string, string>;
}>;

/** Sends a GeoReport answer in the requested format; `root` names the XML list. */
function send(reply: FastifyReply, format: string, root: string, value: unknown, status = 200) {
  if (format === 'xml') return reply.code(status).type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}
const fail = (reply: FastifyReply, format: string, status: number, description: string) =>
  send(reply, format, 'errors', [{ code: status, description }], status);

const formatOf = (req: Req): Format | null => {
  const f = req.params.format;
  return f === 'json' || f === 'xml' ? f : null;
};
const date = (v: string | undefined) => {
  if (v === undefined) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const str = (v: unknown, max = 5000) => (typeof v === 'string' ? v.trim().slice(0, max) : undefined);

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services, service definitions,
 * requests (list, post form-encoded, one). Public like the intake; errors are `[{code, description}]`.
 * In the OpenAPI document without schemas (GeoReport is its own specification); raw routes of the matrix.
 */
export function open311Plugin(f: Feedback) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    const opts = { config: { public: true }, schema: { tags: ['open311'], security: [] } };
    const withFormat =
      (handler: (req: Req, reply: FastifyReply, format: Format) => Promise<unknown>) =>
      async (req: Req, reply: FastifyReply) => {
        const format = formatOf(req);
        if (!format) return fail(reply, 'json', 404, 'format must be json or xml');
        try {
          return await handler(req, reply, format);
        } catch (error) {
          if (error instanceof AppError) {
            const detail = error.errors
              .map((e) => `${e.path}: ${e.key ? t(langOf(req), e.key, e.params ?? {}) : (e.message ?? '')}`)
              .join('; ');
            return fail(reply, format, error.status, detail || t(langOf(req), error.key, error.params));
          }
          throw error;
        }
      };

    app.get(
      `${OPEN311_BASE}/discovery.:format`,
      opts,
      withFormat(async (req, reply, format) => {
        const base = `${req.protocol}://${req.host}${OPEN311_BASE}/`;
        return send(reply, format, 'discovery', {
          changeset: '2025-07-02T00:00:00Z',
          contact: 'Pilotage — feedback, recommendations and innovative solutions',
          key_service: '',
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: base,
              changeset: '2025-07-02T00:00:00Z',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        });
      }),
    );

    const services = async (req: Req) =>
      (await f.intake.topics(langOf(req))).items.map((s) => ({
        service_code: s.code,
        service_name: s.name,
        description: s.nameEn ?? s.name,
        metadata: false,
        type: 'realtime',
        keywords: foldForSearch(s.name),
        group: s.category ?? '',
      }));
    app.get(
      `${OPEN311_BASE}/services.:format`,
      opts,
      withFormat(async (req, reply, format) => send(reply, format, 'services', await services(req))),
    );
    app.get(
      `${OPEN311_BASE}/services/:code.:format`,
      opts,
      withFormat(async (req, reply, format) => {
        const s = (await services(req)).find((x) => x.service_code === req.params.code);
        if (!s) return fail(reply, format, 404, `service_code ${req.params.code} not found`);
        return send(reply, format, 'service_definition', { service_code: s.service_code, attributes: [] });
      }),
    );

    app.get(
      `${OPEN311_BASE}/requests.:format`,
      opts,
      withFormat(async (req, reply, format) => {
        const q = req.query;
        const start = date(q.start_date);
        const end = date(q.end_date);
        if (start === null || end === null)
          return fail(reply, format, 400, 'start_date and end_date must be w3c dates');
        if (q.status !== undefined && !q.status.split(',').every((s) => s === 'open' || s === 'closed'))
          return fail(reply, format, 400, 'status must be open or closed');
        const rows = await open311Requests(f.intake.db, {
          ...(q.service_request_id !== undefined
            ? { codes: q.service_request_id.split(',').map((s) => s.trim()) }
            : {}),
          ...(q.service_code !== undefined
            ? { serviceCodes: q.service_code.split(',').map((s) => s.trim()) }
            : {}),
          ...(start ? { start } : {}),
          ...(end ? { end } : {}),
          ...(q.status ? { statuses: q.status.split(',').flatMap((s) => statusesFor(s as 'open')) } : {}),
          // the spec's default window: the last 90 days, at most 1000 requests
          ...(start || end || q.service_request_id ? {} : { start: new Date(Date.now() - 90 * 86_400_000) }),
          limit: 1000,
        });
        return send(reply, format, 'service_requests', rows.map(toServiceRequest));
      }),
    );

    app.get(
      `${OPEN311_BASE}/requests/:id.:format`,
      opts,
      withFormat(async (req, reply, format) => {
        const rows = await open311Requests(f.intake.db, { codes: [req.params.id!], limit: 1 });
        if (!rows.length) return fail(reply, format, 404, `service_request_id ${req.params.id} not found`);
        return send(reply, format, 'service_requests', rows.map(toServiceRequest));
      }),
    );

    app.post(
      `${OPEN311_BASE}/requests.:format`,
      opts,
      withFormat(async (req, reply, format) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const description = str(b.description, 10000) ?? '';
        const lat = b.lat !== undefined ? Number(b.lat) : null;
        const long = b.long !== undefined ? Number(b.long) : null;
        const address = str(b.address_string, 500) ?? null;
        if (!str(b.service_code)) return fail(reply, format, 400, 'service_code is required');
        if ((lat === null || long === null || Number.isNaN(lat) || Number.isNaN(long)) && !address)
          return fail(reply, format, 400, 'lat and long, or address_string, are required');
        if (description.length < 10)
          return fail(reply, format, 400, 'description must have at least 10 characters');
        const name = [str(b.first_name, 60), str(b.last_name, 60)].filter(Boolean).join(' ') || 'Open311';
        const ctx = req.ctx ?? {
          actor: {
            kind: 'user' as const,
            id: 'anonymous',
            userId: null,
            name: 'open311',
            unitId: '',
            roles: [],
            scopeRootId: '',
            scope: PUBLIC_SCOPE,
            csrfToken: null,
          },
          lang: langOf(req),
          requestId: req.id,
        };
        const { trackingCode } = await f.intake.submit(
          ctx,
          {
            kind: 'difficulty',
            topic: str(b.service_code, 40)!,
            title: description.split('\n')[0]!.slice(0, 120).padEnd(5, '.'),
            content: description,
            submitterType: 'citizen',
            contact: {
              name,
              ...(str(b.email) ? { email: str(b.email, 254)! } : {}),
              ...(str(b.phone) ? { phone: str(b.phone, 20)! } : {}),
            },
            consentToPublish: false,
          },
          [],
          req.ip,
          {
            source: 'open311',
            lat: lat !== null && !Number.isNaN(lat) ? lat : null,
            long: long !== null && !Number.isNaN(long) ? long : null,
            address,
          },
        );
        return send(
          reply,
          format,
          'service_requests',
          [{ service_request_id: trackingCode, service_notice: '', account_id: '' }],
          201,
        );
      }),
    );
  };
}
