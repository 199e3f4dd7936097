/**
 * THE routing rule (pure): which unit answers a new item. A rule matches when its topic is the item's or
 * null (any topic) and its place is the item's commune, its province or null (anywhere). The most specific
 * match wins: a commune over a province over anywhere, then a topic over any topic, then the higher priority,
 * then the older rule. No match: the triage unit (the steering office).
 */
export interface RoutingRuleFacts {
  id: string;
  topicId: string | null;
  placeUnitId: string | null;
  unitId: string;
  priority: number;
  createdAt: Date;
}

export interface ItemPlace {
  topicId: string;
  provinceUnitId: string | null;
  communeUnitId: string | null;
}

function placeRank(rule: RoutingRuleFacts, item: ItemPlace): number | null {
  if (rule.placeUnitId === null) return 0;
  if (rule.placeUnitId === item.communeUnitId) return 2;
  if (rule.placeUnitId === item.provinceUnitId) return 1;
  return null;
}

/** The winning rule, or null when none matches. */
export function matchRule(rules: readonly RoutingRuleFacts[], item: ItemPlace): RoutingRuleFacts | null {
  let best: { rule: RoutingRuleFacts; key: number[] } | null = null;
  for (const rule of rules) {
    if (rule.topicId !== null && rule.topicId !== item.topicId) continue;
    const place = placeRank(rule, item);
    if (place === null) continue;
    const key = [place, rule.topicId === null ? 0 : 1, rule.priority, -rule.createdAt.getTime()];
    if (!best || compare(key, best.key) > 0) best = { rule, key };
  }
  return best?.rule ?? null;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The responsible unit of a new item. */
export function routeItem(rules: readonly RoutingRuleFacts[], item: ItemPlace, triageUnitId: string): string {
  return matchRule(rules, item)?.unitId ?? triageUnitId;
}
