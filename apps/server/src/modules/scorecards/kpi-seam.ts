/**
 * What this module uses of the KPI core (modules/kpi): DHIS2 periods and indicator expressions. The one
 * place that imports it, through its index once it has one.
 */
export { addDays, parsePeriod, previousPeriod, periodsWithin, type Period } from '../kpi/periods.ts';
export { evaluate, parseExpression, referencedCodes } from '../kpi/expression.ts';
