import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { CatalogueQuery, ProposeInitiativeBody, PublicInitiative } from '@pilotage/contracts';
import { PUBLIC_INITIATIVE_STATUSES } from '@pilotage/contracts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { safeFilename, sniff } from '../reports/index.ts';
import { toPublic } from './initiatives.mapper.ts';
import { initiativeSearchKey, initiativesRepository } from './initiatives.repository.ts';
import type { InitiativesService } from './initiatives.service.ts';
import type { InitiativeSettings } from './initiatives.settings.ts';
import { aggregate } from './rubric.ts';
import { rubricRepository } from './rubric.repository.ts';
import { expertState, rubricOf, scoresOf } from './initiatives.mapper.ts';
import { allScored } from './rubric.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newInitiativeCode = () =>
  `SK-${Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const isPublic = (status: string) => (PUBLIC_INITIATIVE_STATUSES as readonly string[]).includes(status);

export interface UploadedFile {
  filename: string | undefined;
  content: Buffer;
}

/**
 * The public side of the portal: the catalogue (no personal data), proposals without an account (a
 * honeypot field and a per-address limit counted in the database), and files attached with the proposal's
 * secret; the attachments' download for steering and assigned experts.
 */
export class PortalService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly initiatives: InitiativesService,
    readonly settings: InitiativeSettings,
  ) {}

  async catalogue(query: z.infer<typeof CatalogueQuery>) {
    const { rows, total } = await initiativesRepository.list(this.db, { ...query, publicOnly: true });
    return { items: rows.map(toPublic), total };
  }

  async facets() {
    const f = await initiativesRepository.facets(this.db);
    const n = (x: { n: number | string | bigint }) => Number(x.n);
    return {
      domains: f.domains.map((d) => ({ code: d.domain as PublicInitiative['domain'], count: n(d) })),
      trl: f.trl.map((d) => ({ trl: d.trl, count: n(d) })),
      statuses: f.statuses.map((d) => ({ status: d.status, count: n(d) })),
      provinces: f.provinces.map((d) => ({ code: d.code, name: d.name, count: n(d) })),
      total: f.statuses.reduce((a, d) => a + n(d), 0),
    };
  }

  async publicGet(code: string) {
    const row = await initiativesRepository.findByCode(this.db, code);
    if (!row || !isPublic(row.status)) throw notFound('initiative_not_found');
    const experts = await initiativesRepository.experts(this.db, [row.id]);
    const rubric = row.rubric_id ? await rubricRepository.byId(this.db, row.rubric_id) : undefined;
    const revealed = allScored(experts.map(expertState));
    const scored = experts
      .filter((e) => e.conflict === 'none' && e.scored_at)
      .map(scoresOf)
      .filter((s) => s !== null);
    const agg = revealed && rubric ? aggregate(rubricOf(rubric), scored) : null;
    return {
      ...toPublic(row),
      description: row.description,
      attachmentCount: await initiativesRepository.attachmentCount(this.db, row.id),
      decisionNote: row.decision_note,
      followUp: row.follow_up,
      decidedAt: row.decided_at?.toISOString() ?? null,
      score: agg ? { mean: agg.mean, n: agg.n } : null,
    };
  }

  async propose(ctx: RequestContext, body: z.infer<typeof ProposeInitiativeBody>, ip: string) {
    const code = newInitiativeCode();
    const secret = randomBytes(18).toString('base64url');
    // a filled honeypot gets the same answer as a person, and nothing is stored
    if (body.website) return { code, secret };
    return inTransaction(this.db, async (tx) => {
      const ipHash = sha256(`initiative:${ip}`);
      await initiativesRepository.lockAddress(tx, ipHash);
      const since = new Date(Date.now() - this.settings.windowMinutes * 60_000);
      if ((await initiativesRepository.recentFromAddress(tx, ipHash, since)) >= this.settings.maxPerAddress)
        throw new AppError(
          429,
          'initiative_too_many_proposals',
          { minutes: this.settings.windowMinutes },
          [],
          { 'retry-after': String(this.settings.windowMinutes * 60) },
        );
      const province = body.provinceCode
        ? await initiativesRepository.provinceByCode(tx, body.provinceCode)
        : null;
      if (body.provinceCode && !province)
        throw new AppError(400, 'validation_failed', {}, [
          { path: 'provinceCode', key: 'initiative_province_unknown' },
        ]);
      const id = newId();
      const organisation = body.proposer.organisation ?? null;
      await initiativesRepository.insert(tx, {
        id,
        code,
        title: body.title,
        kind: body.kind,
        domain: body.domain,
        trl: body.trl,
        description: body.description,
        proposer_name: body.proposer.name,
        proposer_organisation: organisation,
        proposer_type: body.proposer.type,
        proposer_email: body.proposer.email ?? null,
        proposer_phone: body.proposer.phone ?? null,
        province_id: province?.id ?? null,
        secret_hash: sha256(secret),
        submitter_ip_hash: ipHash,
        search_key: initiativeSearchKey({
          code,
          title: body.title,
          description: body.description,
          organisation,
        }),
      });
      // the audit keeps what was proposed, not who (the proposer's name and contacts stay in the row)
      await this.audit.record(tx, ctx, {
        action: 'initiative.propose',
        entityType: 'initiative',
        entityId: id,
        after: { code, title: body.title, kind: body.kind, domain: body.domain, trl: body.trl },
      });
      return { code, secret };
    });
  }

  tooLarge(): AppError {
    const maxMb = Math.round((this.settings.maxBytes / 1024 / 1024) * 10) / 10;
    return new AppError(413, 'evidence_too_large', { maxMb }, [
      { path: 'file', key: 'evidence_too_large', params: { maxMb } },
    ]);
  }

  /** A file attached by the proposer (their secret), while the proposal is not yet screened. */
  async attach(ctx: RequestContext, code: string, secret: string, file: UploadedFile) {
    if (file.content.length > this.settings.maxBytes) throw this.tooLarge();
    if (file.content.length === 0)
      throw new AppError(400, 'evidence_file_required', {}, [
        { path: 'file', key: 'evidence_file_required' },
      ]);
    const sniffed = sniff(file.content);
    if (!sniffed)
      throw new AppError(415, 'evidence_type_refused', {}, [{ path: 'file', key: 'evidence_type_refused' }]);
    return inTransaction(this.db, async (tx) => {
      const found = await initiativesRepository.findByCode(tx, code);
      if (found) await initiativesRepository.lock(tx, found.id);
      const given = Buffer.from(sha256(secret));
      const row = found && (await initiativesRepository.findByCode(tx, code));
      // a wrong secret and an unknown code answer alike
      if (!row?.secret_hash || !timingSafeEqual(Buffer.from(row.secret_hash), given))
        throw notFound('initiative_not_found');
      if (row.status !== 'submitted') throw new AppError(409, 'initiative_attachments_closed');
      const max = this.settings.maxFiles;
      if ((await initiativesRepository.attachmentCount(tx, row.id)) >= max)
        throw new AppError(409, 'initiative_attachments_too_many', { max });
      const id = newId();
      const filename = safeFilename(file.filename, sniffed);
      const digest = sha256(file.content);
      await initiativesRepository.insertAttachment(tx, {
        id,
        initiative_id: row.id,
        filename,
        content_type: sniffed.mime,
        size_bytes: file.content.length,
        sha256: digest,
        content: file.content,
      });
      await this.audit.record(tx, ctx, {
        action: 'initiative.attach',
        entityType: 'initiative',
        entityId: row.id,
        after: {
          attachmentId: id,
          filename,
          contentType: sniffed.mime,
          sizeBytes: file.content.length,
          sha256: digest,
        },
      });
      return { id, filename, contentType: sniffed.mime, sizeBytes: file.content.length };
    });
  }

  /** An attachment for whoever may see its initiative (steering, assigned experts); else 404. */
  async download(ctx: RequestContext, id: string) {
    const row = await initiativesRepository.attachmentContent(this.db, id);
    if (!row) throw notFound('initiative_not_found');
    await this.initiatives.visible(this.db, ctx, row.initiative_id);
    return {
      filename: row.filename,
      contentType: row.content_type,
      content: Buffer.from(row.content),
      sha256: row.sha256,
    };
  }
}
