/**
 * Every audit action the system records, with the entity type(s) it is about: `audit.record` takes only these
 * pairs (a typed union), so a typo or an action on the wrong kind of entity does not compile. Add new actions
 * here.
 */
export const AUDIT_EVENTS = {
  'org.load': ['org_unit'],
  // identity
  'auth.login': ['session'],
  'auth.logout': ['session'],
  'auth.login_failed': ['user'],
  'auth.lockout': ['user'],
  'auth.password_change': ['user'],
  'auth.password_reset': ['user'],
  'user.create': ['user'],
  'user.update': ['user'],
  'user.demo_remove': ['user'],
  'api_key.create': ['api_key'],
  'api_key.revoke': ['api_key'],
  'identity.purge': ['job_run'],
  // tasks
  'document.create': ['directive_document'],
  'document.bulk_create': ['directive_document'],
  'programme.create': ['programme'],
  'programme.import': ['programme'],
  'task.create': ['task'],
  'task.update': ['task'],
  'task.bulk_create': ['programme'],
  'assignment.assign': ['task'],
  'assignment.cascade': ['assignment'],
  'assignment.update': ['assignment'],
  'assignment.completed': ['assignment'],
  'assignment.progress': ['assignment'],
  'assignment.bulk_create': ['programme'],
  'extension.request': ['deadline_extension'],
  'extension.approve': ['deadline_extension'],
  'extension.reject': ['deadline_extension'],
  'extension.bulk_create': ['programme'],
  // reports
  'report.create': ['progress_report'],
  'report.update': ['progress_report'],
  'report.submit': ['progress_report'],
  'report.approve': ['progress_report'],
  'report.accept': ['progress_report'],
  'report.return': ['progress_report'],
  'report.withdraw': ['progress_report'],
  'report.evidence_add': ['progress_report'],
  'report.evidence_remove': ['progress_report'],
  'report.bulk_create': ['programme'],
  // commitments, notifications, jobs
  'commitment.sign': ['commitment'],
  'notification.read': ['notification'],
  'notification.read_all': ['notification'],
  'notification.raise': ['job_run'],
  'job.reminders': ['job_run'],
  // KPIs (issue 9)
  'kpi.data_element_create': ['data_element'],
  'kpi.indicator_create': ['indicator'],
  'kpi.data_set_create': ['data_set'],
  'kpi.validation_rule_create': ['validation_rule'],
  'kpi.values_import': ['data_value_import'],
  // scorecards (targets, formula versions, published league tables, dashboard pins)
  'kpi_target.set': ['indicator'],
  'scorecard_formula.create': ['scorecard_formula'],
  'ranking.publish': ['score_run'],
  'dashboard.pins': ['user'],
  // initiatives (ADR 0018)
  'initiative.propose': ['initiative'],
  'initiative.attach': ['initiative'],
  'initiative.screen': ['initiative'],
  'initiative.assign_experts': ['initiative'],
  'initiative.declare_conflict': ['initiative'],
  'initiative.score': ['initiative'],
  'initiative.decide': ['initiative'],
  'initiative.rubric_create': ['initiative_rubric'],
  'initiative.demo_seed': ['initiative'],
  'recommendation.promote': ['progress_report'],
  'feedback.demo_seed': ['feedback_item'],
  // feedback (issue 10)
  'feedback.submit': ['feedback_item'],
  'feedback.act': ['feedback_item'],
  'feedback.public_act': ['feedback_item'],
  'feedback.rule_create': ['feedback_routing_rule'],
  'feedback.rule_delete': ['feedback_routing_rule'],
  'feedback.deadline_set': ['feedback_deadline_rule'],
  'calendar.exception_set': ['working_calendar_exception'],
  'calendar.exception_delete': ['working_calendar_exception'],
  'feedback.purge': ['job_run'],
  'job.feedback_reminders': ['job_run'],
  // data quality (issue 11)
  'quality.database_create': ['quality_database'],
  'quality.database_update': ['quality_database'],
  'quality.checks_update': ['quality_database'],
  'quality.assessment_start': ['quality_assessment'],
  'quality.assessment_finish': ['quality_assessment'],
  'quality.dictionary_publish': ['quality_dictionary'],
} as const satisfies Record<string, readonly string[]>;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditEntityType = (typeof AUDIT_EVENTS)[AuditAction][number];
export type AuditEntityOf<A extends AuditAction> = (typeof AUDIT_EVENTS)[A][number];

/** One audit event as a service records it: an action with its entity type, and what changed. */
export type AuditInput = {
  [A in AuditAction]: {
    action: A;
    entityType: (typeof AUDIT_EVENTS)[A][number];
    entityId: string | null;
    before?: unknown;
    after?: unknown;
  };
}[AuditAction];

export type AuditInputOf<A extends AuditAction> = Extract<AuditInput, { action: A }>;

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_EVENTS, value);
