import type { CheckIn } from "@/lib/guidance/check-in";
import type { Recommendation } from "@/lib/guidance/recommendation";
import type { PutAside } from "@/lib/guidance/recommend";
import type { OfApplication } from "@/lib/dashboard/plan";

/** A next step as the API and the MCP tools give it: what to do, by when, why it fired and where the advice comes from. */
export function stepView(step: Recommendation & Partial<OfApplication>) {
  return {
    key: step.key,
    applicationId: step.applicationId,
    ...(step.company !== undefined ? { company: step.company, roleTitle: step.roleTitle } : {}),
    ruleId: step.ruleId,
    title: step.title,
    detail: step.detail,
    kind: step.kind,
    priority: step.priority,
    dueAt: step.dueAt,
    overdue: step.overdue,
    roundId: step.roundId,
    reasons: step.reasons,
    source: { article: step.source.article, sections: [...step.source.sections], ...(step.source.note ? { note: step.source.note } : {}) },
    draft: step.draft,
  };
}

export type StepView = ReturnType<typeof stepView>;

export const putAsideView = (p: PutAside) => ({ step: stepView(p.step), state: p.state, until: p.until });

export const checkInView = (c: CheckIn & Partial<OfApplication>) => ({
  applicationId: c.applicationId,
  ...(c.company !== undefined ? { company: c.company, roleTitle: c.roleTitle } : {}),
  ruleId: c.ruleId,
  dueAt: c.dueAt,
  followUp: c.followUp,
});
