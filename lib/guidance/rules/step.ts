import type { Facts } from "../facts";
import type { DraftKind, Priority, Recommendation } from "../recommendation";
import { RULE_SOURCES, type RuleId } from "../rule-ids";

type StepFields = {
  /** What the step is about (a round or event id, plus a count where a rule repeats). */
  about: string;
  roundId: string | null;
  title: string;
  detail: string;
  priority: Priority;
  dueAt?: Date | null;
  since: Date;
  reasons: string[];
  draft?: DraftKind | null;
};

/** One recommendation, with the key, overdue flag and source every rule needs. */
export function step(facts: Facts, ruleId: RuleId, fields: StepFields): Recommendation {
  const dueAt = fields.dueAt ?? null;
  return {
    ruleId,
    key: `${ruleId}:${fields.about}`,
    applicationId: facts.input.application.id,
    roundId: fields.roundId,
    title: fields.title,
    detail: fields.detail,
    priority: fields.priority,
    dueAt,
    overdue: dueAt !== null && facts.now.getTime() > dueAt.getTime(),
    since: fields.since,
    reasons: fields.reasons,
    source: RULE_SOURCES[ruleId],
    draft: fields.draft ?? null,
  };
}
