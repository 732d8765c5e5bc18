import type { QueueItem } from "./overview";
import type { ComingUpEntry, TodayBlock } from "./plan";

export const MOVE_ON_RULE = "move-on-no-response";

type Groupable = { blocks: TodayBlock[]; comingUp: ComingUpEntry[] };

/** Per step plan, which is itself kept per cached overview and day: one walk a day, not one a request. */
const grouped = new WeakMap<Groupable, { plan: Groupable; moveOn: QueueItem[] }>();

/**
 * Today's move-on steps, taken out of their applications' blocks to be one
 * item ("6 applications have heard nothing…"): after an old search is
 * imported there are dozens, and one decision covers them all. Blocks left
 * with no step go; the rest keep their order. Move-on steps not yet due
 * (one fires at the first 09:00 after an import, so an afternoon import
 * would put them in Coming up) join the item too: once the rule has fired
 * there is nothing to wait for. Pure: plan in, plan out, and the same
 * answer (the same objects) for the same plan.
 */
export function groupMoveOn<P extends Groupable>(plan: P): { plan: P; moveOn: QueueItem[] } {
  const held = grouped.get(plan);
  if (held) return held as { plan: P; moveOn: QueueItem[] };
  const moveOn: QueueItem[] = [];
  const blocks = plan.blocks.flatMap((block) => {
    const gone = block.steps.filter((s) => s.ruleId === MOVE_ON_RULE);
    if (gone.length === 0) return [block];
    moveOn.push(...gone);
    const steps = block.steps.filter((s) => s.ruleId !== MOVE_ON_RULE);
    return steps.length ? [{ ...block, steps, overdue: steps.filter((s) => s.overdue).length }] : [];
  });
  const comingUp = plan.comingUp.filter((entry) => {
    if (entry.type !== "step" || entry.step.ruleId !== MOVE_ON_RULE) return true;
    moveOn.push(entry.step);
    return false;
  });
  const result = { plan: moveOn.length ? { ...plan, blocks, comingUp } : plan, moveOn };
  grouped.set(plan, result);
  return result;
}
