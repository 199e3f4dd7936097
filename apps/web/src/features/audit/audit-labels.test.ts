import { describe, expect, it } from 'vitest';
// the server's list of audit actions is the source of truth; the web must label every one of them
import { AUDIT_EVENTS } from '../../../../server/src/modules/audit/audit.events.ts';
import { translate, type Translate } from '../../i18n/translate.ts';
import { actionLabel, objectLink, typeLabel } from './audit-labels.ts';

const tOf =
  (lang: 'vi' | 'en'): Translate =>
  (key, p) =>
    translate(lang, key, p);

describe('audit log labels', () => {
  it('every action and object type the server records has words in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const t = tOf(lang);
      for (const [action, types] of Object.entries(AUDIT_EVENTS)) {
        expect(actionLabel(t, action), `${lang} ${action}`).not.toBe(action);
        for (const type of types) expect(typeLabel(t, type), `${lang} ${type}`).not.toBe(type);
      }
    }
  });

  it('links each object to its page', () => {
    const id = '0190f5b4-9c1e-7a3b-8c2d-1e2f3a4b5c6d';
    const at = (entityType: string, after: unknown = null) =>
      objectLink({ entityType, entityId: id, before: null, after });
    expect(at('progress_report')).toBe(`/reports/${id}`);
    expect(at('task')).toBe(`/tasks/${id}`);
    expect(at('assignment')).toBe(`/assignments/${id}`);
    expect(at('org_unit')).toBe(`/org/${id}`);
    expect(at('user', { username: 'lan.nguyen' })).toBe('/admin/users?q=lan.nguyen');
    expect(at('deadline_extension', { assignmentId: id })).toBe(`/assignments/${id}`);
    expect(at('session')).toBeNull();
  });
});
