import { PRIORITIES, type Recommendation } from "./recommendation";

const rank = (r: Recommendation) => PRIORITIES.indexOf(r.priority);

/** Code-unit order: stable and fast, where localeCompare would cost more than the rules themselves. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Overdue first, then the soonest due (undated last), then priority; the key keeps ties stable. */
export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity);
  if (due) return due;
  return rank(a) - rank(b) || byText(a.applicationId, b.applicationId) || byText(a.key, b.key);
}
