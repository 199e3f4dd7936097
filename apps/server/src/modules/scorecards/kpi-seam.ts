/**
 * What this module uses of the KPI core (modules/kpi): DHIS2 periods and indicator expressions, through
 * its index. The one place that imports it.
 */
export {
  evaluate,
  parseExpression,
  parsePeriod,
  periodsWithin,
  previousPeriod,
  referencedCodes,
  type Period,
} from '../kpi/index.ts';
