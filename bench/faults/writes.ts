// The saves the scenarios make: a new application, and a round on it with
// two signals and a new interviewer (five rows in one transaction), so that
// a write cut in half would show as a partial round.
import { applicationIdFrom, postAction, type ActionAnswer } from "./client";

export type Outcome = "confirmed" | "refused" | "5xx" | "cut off" | "other";

export const classify = (answer: ActionAnswer | null): Outcome =>
  !answer ? "cut off" : answer.status >= 500 ? "5xx" : answer.redirect ? "confirmed" : answer.message ? "refused" : "other";

export async function saveApplication(baseUrl: string, cookie: string, company: string): Promise<{ outcome: Outcome; id: string | null; answer: ActionAnswer | null }> {
  let answer: ActionAnswer | null = null;
  try {
    answer = await postAction(baseUrl, "/applications/new", "createApplicationAction", { company, roleTitle: "Fault Engineer", status: "applied" }, cookie);
  } catch {
    answer = null; // the connection died under the request
  }
  return { outcome: classify(answer), id: applicationIdFrom(answer?.redirect ?? null), answer };
}

export async function saveRound(baseUrl: string, cookie: string, applicationId: string): Promise<{ outcome: Outcome; roundId: string | null }> {
  let answer: ActionAnswer | null = null;
  try {
    answer = await postAction(
      baseUrl,
      `/applications/${applicationId}`,
      "createRoundAction",
      {
        applicationId,
        kind: "first",
        scheduledAt: "2026-11-20T10:00",
        outcome: "pending",
        "signal.met_team": "on",
        "signal.constructive_feedback": "on",
        "newInterviewers.0.name": "Sam Lee",
      },
      cookie,
    );
  } catch {
    answer = null;
  }
  const roundId = /#round-([0-9a-f-]{36})/.exec(answer?.redirect ?? "")?.[1] ?? null;
  return { outcome: classify(answer), roundId };
}
