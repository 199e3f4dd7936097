import type { Dictionary, DictionaryBody } from '@pilotage/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { BUILT_IN_LISTS, DEFAULT_CODE_LISTS, DEFAULT_ELEMENTS } from './dictionary.defaults.ts';
import type { EngineContext } from './engine.ts';
import { assertCanPublishDictionary } from './quality.policy.ts';
import { qualityRepository } from './quality.repository.ts';

type Body = z.infer<typeof DictionaryBody>;

/** CSV columns of the dictionary's elements (import and export). */
export const ELEMENT_COLUMNS = [
  'code',
  'name',
  'nameEn',
  'definition',
  'type',
  'pattern',
  'maxLength',
  'codeList',
  'rules',
] as const;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; // no formula in a spreadsheet
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The shared data dictionary: versions are whole snapshots (small); version 0 is the built-in default. */
export class DictionaryService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async current(ex: Executor = this.db): Promise<Dictionary> {
    const row = await ex
      .selectFrom('quality_dictionary')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const content = (row?.content as Body | undefined) ?? {
      elements: DEFAULT_ELEMENTS,
      codeLists: DEFAULT_CODE_LISTS,
    };
    return {
      version: row?.version ?? 0,
      createdAt: row ? row.created_at.toISOString() : null,
      elements: content.elements,
      codeLists: content.codeLists,
      builtInLists: BUILT_IN_LISTS,
    };
  }

  /** What the engine checks values against: code lists (admin_unit from the org tree) and elements. */
  async engineContext(): Promise<EngineContext & { version: number }> {
    const d = await this.current();
    const codeLists = new Map(d.codeLists.map((l) => [l.code, new Set(l.values.map((v) => v.code))]));
    codeLists.set('admin_unit', await qualityRepository.unitCodes(this.db));
    return { version: d.version, codeLists, elements: new Map(d.elements.map((e) => [e.code, e])) };
  }

  async publish(ctx: RequestContext, body: Body) {
    assertCanPublishDictionary(ctx.actor);
    const codes = new Set<string>();
    const errors = body.elements.flatMap((e, i) => {
      const dup = codes.has(e.code);
      codes.add(e.code);
      return dup ? [{ path: `elements.${i}.code`, message: `duplicate ${e.code}` }] : [];
    });
    if (errors.length) throw new AppError(400, 'validation_failed', {}, errors);
    return inTransaction(this.db, async (tx) => {
      const before = await this.current(tx);
      const version = before.version + 1;
      await tx
        .insertInto('quality_dictionary')
        .values({ version, content: JSON.stringify(body), created_by: ctx.actor.userId })
        .execute();
      await this.audit.record(tx, ctx, {
        action: 'quality.dictionary_publish',
        entityType: 'quality_dictionary',
        entityId: String(version),
        after: { version, elements: body.elements.length, codeLists: body.codeLists.length },
      });
      return { version };
    });
  }

  async csv(): Promise<string> {
    const d = await this.current();
    const lines = [ELEMENT_COLUMNS.join(',')];
    for (const e of d.elements) lines.push(ELEMENT_COLUMNS.map((c) => csvCell(e[c])).join(','));
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }
}

/** A dictionary CSV (the export's columns) as a publish body; code lists are kept from the current version. */
export function dictionaryFromCsv(text: string, codeLists: Body['codeLists']): unknown {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError(400, 'quality_csv_invalid');
  }
  return {
    codeLists,
    elements: rows.map((r) => {
      const e: Record<string, unknown> = {};
      for (const c of ELEMENT_COLUMNS) {
        const v = r[c] === undefined ? '' : r[c].replace(/^'(?=[=+\-@])/, '');
        if (v === '') continue;
        e[c] = c === 'maxLength' ? Number(v) : v;
      }
      return e;
    }),
  };
}
