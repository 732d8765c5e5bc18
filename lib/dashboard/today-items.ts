import { isPreparation } from "./importance";
import type { QueueItem } from "./overview";

/** One line on Today: a step, or a round's preparation steps as one checklist. */
export type TodayItem<S extends Pick<QueueItem, "ruleId" | "roundId" | "key"> = QueueItem> =
  | { type: "step"; step: S }
  | { type: "preparation"; roundId: string; steps: S[] };

/**
 * `steps` (in the order they are shown) with each round's preparation
 * gathered into one item, placed where its most important step was: four
 * "prepare" cards for one interview read as one job with four parts.
 */
export function groupPreparation<S extends Pick<QueueItem, "ruleId" | "roundId" | "key">>(steps: readonly S[]): TodayItem<S>[] {
  const items: TodayItem<S>[] = [];
  const byRound = new Map<string, S[]>();
  for (const step of steps) {
    if (!isPreparation(step.ruleId) || !step.roundId) {
      items.push({ type: "step", step });
      continue;
    }
    const held = byRound.get(step.roundId);
    if (held) held.push(step);
    else {
      const group = [step];
      byRound.set(step.roundId, group);
      items.push({ type: "preparation", roundId: step.roundId, steps: group });
    }
  }
  // A lone preparation step is just a step.
  return items.map((item) => (item.type === "preparation" && item.steps.length === 1 ? { type: "step", step: item.steps[0] } : item));
}
