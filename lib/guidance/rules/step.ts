import { passed } from "../clock";
import type { Facts } from "../facts";
import type { DraftKind, Priority, Recommendation } from "../recommendation";
import { RULE_KINDS, RULE_SOURCES, type RuleId, type Source } from "../rule-ids";

type StepFields = {
  /** What the step is about (a round or event id, plus a count where a rule repeats). */
  about: string;
  roundId: string | null;
  title: string;
  detail: string;
  priority: Priority;
  /** Required for a to-do rule, absent for advice (RULE_KINDS). */
  dueAt?: Date;
  since: Date;
  reasons: string[];
  draft?: DraftKind | null;
  /** The rule's source with a note of its own, where Shortlist carries the advice past what it was written for. */
  source?: Source;
  /** The date the company gave, when it set this step's time. */
  statedDate?: string;
  /** The event the step answers (their reply, the offer), when there is one. */
  eventId?: string;
};

/** One recommendation, with the key, kind, overdue flag and source every rule needs. */
export function step(facts: Facts, ruleId: RuleId, fields: StepFields): Recommendation {
  const kind = RULE_KINDS[ruleId];
  const dueAt = fields.dueAt ?? null;
  // A rule that broke this would put advice on the dashboard, or hide a to-do from it.
  if ((kind === "todo") !== (dueAt !== null)) throw new Error(`${ruleId} is ${kind} but was given ${dueAt ? "a" : "no"} due time`);
  const recommendation: Recommendation = {
    ruleId,
    key: `${ruleId}:${fields.about}`,
    applicationId: facts.input.application.id,
    roundId: fields.roundId,
    title: fields.title,
    detail: fields.detail,
    priority: fields.priority,
    kind,
    dueAt,
    overdue: dueAt !== null && passed(facts, dueAt.getTime()),
    since: fields.since,
    reasons: fields.reasons,
    source: fields.source ?? RULE_SOURCES[ruleId],
    draft: fields.draft ?? null,
  };
  // Only when there is one: answers built before these existed compare equal.
  if (fields.statedDate) recommendation.statedDate = fields.statedDate;
  if (fields.eventId) recommendation.eventId = fields.eventId;
  return recommendation;
}
