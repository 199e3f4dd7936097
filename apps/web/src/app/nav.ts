import type { Role } from '@pilotage/contracts';
import type { MessageKey } from '../i18n/index.tsx';

/** Roles allowed to manage users and API keys of their scope (mirrors the server's identity policy). */
export const USER_MANAGERS: readonly Role[] = ['admin', 'unit_lead'];
/** Roles allowed to browse the audit trail (mirrors the server's audit policy). */
export const AUDITORS: readonly Role[] = ['admin'];
/** Roles that handle feedback (mirrors the server's feedback policy). */
export const FEEDBACK_HANDLERS: readonly Role[] = ['handler', 'officer', 'unit_lead', 'steering', 'admin'];

export interface NavItem {
  /** Route path (see routes.tsx, which must declare a page for it). */
  to: string;
  /** Label key in src/i18n/vi.ts and en.ts. */
  label: MessageKey;
  /** Who sees the entry; absent means every signed-in user. The page itself is guarded with the same roles. */
  roles?: readonly Role[];
  /** Heading of the group the entry belongs to; entries without one come first. */
  section?: MessageKey;
  /** One line shown with the entry among the home page's quick links (omit to leave it out there). */
  description?: MessageKey;
  /** Active only on an exact path match (for '/'). */
  end?: boolean;
}

/**
 * The application's navigation, in display order. To add a feature: add its entries here, its pages in
 * routes.tsx, its strings in the dictionaries. The header menu and the home page's links follow this list.
 */
export const NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/org', label: 'nav.org', description: 'home.link.org' },
  { to: '/feedback', label: 'fb.nav.queue', roles: FEEDBACK_HANDLERS, description: 'fb.home.queue' },
  // Tasks module: { to: '/tasks', label: 'nav.tasks', description: 'home.link.tasks' }, …
  {
    to: '/admin/users',
    label: 'nav.users',
    roles: USER_MANAGERS,
    section: 'nav.admin',
    description: 'home.link.users',
  },
  {
    to: '/admin/api-keys',
    label: 'nav.apiKeys',
    roles: USER_MANAGERS,
    section: 'nav.admin',
    description: 'home.link.apiKeys',
  },
  {
    to: '/admin/audit',
    label: 'nav.audit',
    roles: AUDITORS,
    section: 'nav.admin',
    description: 'home.link.audit',
  },
  // Tasks module (features/tasks, features/reports): same roles as their pages in routes.tsx.
  { to: '/programmes', label: 'tasks.nav.overview', description: 'tasks.home.overview' },
  { to: '/tasks', label: 'tasks.nav.list', description: 'tasks.home.list' },
  { to: '/my', label: 'tasks.nav.my', roles: ['officer', 'unit_lead'], description: 'tasks.home.my' },
  {
    to: '/reviews',
    label: 'tasks.nav.reviews',
    roles: ['reviewer', 'steering', 'unit_lead', 'admin'],
    description: 'tasks.home.reviews',
  },
  { to: '/notifications', label: 'tasks.nav.notifications' },
  {
    to: '/commitments',
    label: 'tasks.nav.commitments',
    roles: ['unit_lead', 'steering', 'admin', 'reviewer'],
  },
  { to: '/import', label: 'tasks.nav.import', roles: ['steering', 'admin'] },
  // KPI dashboards and data entry (features/kpi)
  { to: '/kpi', label: 'kpi.nav.dashboard', section: 'kpi.nav.section', description: 'kpi.home.dashboard' },
  {
    to: '/kpi/entry',
    label: 'kpi.nav.entry',
    section: 'kpi.nav.section',
    description: 'kpi.home.entry',
    roles: ['officer', 'unit_lead'],
  },
  {
    to: '/initiatives',
    label: 'initiatives.nav',
    roles: ['steering', 'admin', 'expert'],
    description: 'initiatives.home',
  },
  { to: '/statistics', label: 'stats.title' },
  { to: '/quality', label: 'quality.nav.register', description: 'quality.home.register' },
  { to: '/quality/rankings', label: 'quality.nav.rankings', description: 'quality.home.rankings' },
];

export function canSee(item: { roles?: readonly Role[] | undefined }, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((r) => roles.includes(r));
}

/** The entries a user with these roles sees, grouped by section (null first), in NAV order. */
export function navFor(roles: readonly Role[]): { section: MessageKey | null; items: NavItem[] }[] {
  const groups: { section: MessageKey | null; items: NavItem[] }[] = [];
  for (const item of NAV) {
    if (!canSee(item, roles)) continue;
    const section = item.section ?? null;
    let group = groups.find((g) => g.section === section);
    if (!group) groups.push((group = { section, items: [] }));
    group.items.push(item);
  }
  return groups.sort((a, b) => (a.section === null ? -1 : b.section === null ? 1 : 0));
}
