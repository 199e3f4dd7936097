import type { AuditEvent } from '@pilotage/contracts';
import { hasKey, type Translate } from '../../i18n/index.tsx';
import { vi } from '../../i18n/vi.ts';

/**
 * Audit actions and object types in words (vi/en). Action labels live in two places of the dictionary:
 * `audit.act.*` (identity, jobs, imports) and `report.act.*` (tasks, reports — shared with the timeline).
 */
const ACT_PREFIXES = ['audit.act.', 'report.act.'] as const;

export function actionLabel(t: Translate, action: string): string {
  for (const prefix of ACT_PREFIXES) {
    const key = `${prefix}${action}`;
    if (hasKey(key)) return t(key);
  }
  return action;
}

export function typeLabel(t: Translate, type: string): string {
  const key = `audit.type.${type}`;
  return hasKey(key) ? t(key) : type;
}

const codesOf = (prefix: string) =>
  Object.keys(vi)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));

/** Every action with a label (the action drop-down). */
export const KNOWN_ACTIONS: string[] = [...new Set(ACT_PREFIXES.flatMap(codesOf))];
/** Every object type with a label (the object type drop-down). */
export const KNOWN_ENTITY_TYPES: string[] = codesOf('audit.type.');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const field = (value: unknown, name: string): string | null => {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
};

/** Where the object of an event is shown in the app, when it has a page. */
export function objectLink(
  e: Pick<AuditEvent, 'entityType' | 'entityId' | 'before' | 'after'>,
): string | null {
  const id = e.entityId && UUID.test(e.entityId) ? e.entityId : null;
  const of = (name: string) => field(e.after, name) ?? field(e.before, name);
  switch (e.entityType) {
    case 'progress_report':
      return id && `/reports/${id}`;
    case 'task':
      return id && `/tasks/${id}`;
    case 'assignment':
      return id && `/assignments/${id}`;
    case 'programme':
      return id && `/programmes/${id}`;
    case 'org_unit':
      return id && `/org/${id}`;
    case 'deadline_extension': {
      const assignment = of('assignmentId');
      return assignment ? `/assignments/${assignment}` : null;
    }
    case 'user': {
      const username = of('username');
      return username ? `/admin/users?q=${encodeURIComponent(username)}` : '/admin/users';
    }
    case 'api_key':
      return '/admin/api-keys';
    case 'commitment':
      return '/commitments';
    case 'notification':
      return '/notifications';
    default:
      return null;
  }
}
