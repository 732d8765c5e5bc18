import { reached } from "./clock";
import type { Facts } from "./facts";
import type { RuleId } from "./rule-ids";
import { currentWait, nextFollowUpDue } from "./rules/waiting";

/** When a waiting application's next follow-up falls due, if nothing is heard before then. */
export type CheckIn = {
  applicationId: string;
  ruleId: Extract<RuleId, "follow-up-after-silence" | "follow-up-on-application">;
  dueAt: Date;
  /** 1 for the first follow-up, 2 for the second… */
  followUp: number;
};

/**
 * The moment follow-up-after-silence or follow-up-on-application will fire
 * for this application, when that is still to come; null when it is not
 * waiting, the follow-up is already open, or the move-on point is reached.
 */
export function nextCheckIn(facts: Facts): CheckIn | null {
  const wait = currentWait(facts);
  const dueAt = wait ? nextFollowUpDue(facts, wait) : undefined;
  if (!wait || !dueAt || reached(facts, dueAt.getTime())) return null;
  return { applicationId: facts.input.application.id, ruleId: wait.followUpRule, dueAt, followUp: wait.followUps.length + 1 };
}
