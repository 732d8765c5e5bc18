import type { QueueItem } from "./overview";
import type { DashboardPlan } from "./today";

export const MOVE_ON_RULE = "move-on-no-response";

/**
 * Today's move-on steps, taken out of their applications' blocks to be one
 * item ("6 applications have heard nothing…"): after an old search is
 * imported there are dozens, and one decision covers them all. Blocks left
 * with no step go; the rest keep their order. Pure: plan in, plan out.
 */
export function groupMoveOn(plan: DashboardPlan): { plan: DashboardPlan; moveOn: QueueItem[] } {
  const moveOn: QueueItem[] = [];
  const blocks = plan.blocks.flatMap((block) => {
    const gone = block.steps.filter((s) => s.ruleId === MOVE_ON_RULE);
    if (gone.length === 0) return [block];
    moveOn.push(...gone);
    const steps = block.steps.filter((s) => s.ruleId !== MOVE_ON_RULE);
    return steps.length ? [{ ...block, steps, overdue: steps.filter((s) => s.overdue).length }] : [];
  });
  return moveOn.length ? { plan: { ...plan, blocks }, moveOn } : { plan, moveOn };
}
