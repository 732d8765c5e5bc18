import "server-only";
import { getDb } from "@/db/client";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { applicationListPage } from "@/lib/data/application-list";
import { createApplication, getApplication, updateApplication } from "@/lib/data/applications";
import { listEvents, logEvent } from "@/lib/data/events";
import { interviewersMetFor } from "@/lib/data/interviewers";
import { moveApplication } from "@/lib/data/move-application";
import { createRound, getRound, listRounds } from "@/lib/data/rounds";
import type { ApplicationStatus } from "@/lib/vocabulary";
import { DEFAULT_DIRECTION } from "@/lib/validation/application-filter";
import { ApiError, notFoundError } from "../api-error";
import type { ApiCaller } from "../authenticate";
import { readCursor } from "../cursor";
import { applicationInput, eventInput, roundInput, type ApplicationJson } from "../form-input";
import type { z } from "zod";
import type { ListApplicationsQuery, logEventBody, logRoundBody } from "../schemas";
import { checkInView, stepView } from "../views";

export const DEFAULT_PAGE_SIZE = 50;
const NO_APPLICATION = "No application with that id in your account.";

/** A missing or foreign id: the same 404, with a foreign one noted in the security log. */
async function missing(caller: ApiCaller, kind: "application" | "round" | "event", id: string): Promise<never> {
  await noteForeignAccess(caller.id, { kind, id });
  throw notFoundError(NO_APPLICATION);
}

export async function listApplicationsOp(caller: ApiCaller, query: ListApplicationsQuery, now: Date) {
  const pageSize = query.limit ?? DEFAULT_PAGE_SIZE;
  const sort = query.sort ?? "updated";
  const direction = query.direction ?? DEFAULT_DIRECTION[sort];
  const cursor = query.cursor ? readCursor(query.cursor, sort, direction) : null;
  const result = await applicationListPage(getDb(), {
    user: caller,
    now,
    q: {
      query: query.q?.trim() || undefined,
      status: query.status,
      overdueOnly: query.overdue,
      interviewSoon: query.interviewSoon,
      minExcitement: query.minExcitement,
      sort,
      direction,
      includeArchived: query.archived,
      cursor,
      pageSize,
    },
  });
  return {
    items: result.rows.map(({ nextStep, ...row }) => ({
      ...row,
      nextStep: nextStep ? (nextStep.type === "step" ? { type: "step" as const, step: stepView(nextStep.step) } : { type: "check-in" as const, checkIn: checkInView(nextStep.checkIn) }) : null,
    })),
    total: result.total,
    nextCursor: result.nextCursor,
  };
}

/** One application with everything logged on it: rounds (with signals and people), events, and everyone met. */
export async function getApplicationOp(caller: ApiCaller, id: string) {
  const db = getDb();
  const application = await getApplication(db, { userId: caller.id, id });
  if (!application) return missing(caller, "application", id);
  const [rounds, events, people] = await Promise.all([
    listRounds(db, { userId: caller.id, applicationId: id }),
    listEvents(db, { userId: caller.id, applicationId: id }),
    interviewersMetFor(db, { userId: caller.id, applicationId: id }),
  ]);
  return {
    ...application,
    rounds: rounds.map(({ interviewers, ...round }) => ({ ...round, people: interviewers })),
    events,
    people,
  };
}

export async function createApplicationOp(caller: ApiCaller, body: ApplicationJson, now: Date) {
  const created = await createApplication(getDb(), { userId: caller.id, input: applicationInput(body, caller, now) });
  return getApplicationOp(caller, created.id);
}

/** Changes the fields given (null clears one); every rule of the edit form applies to the result. */
export async function updateApplicationOp(caller: ApiCaller, id: string, changes: Partial<ApplicationJson>, now: Date) {
  const db = getDb();
  const saved = await getApplication(db, { userId: caller.id, id });
  if (!saved) return missing(caller, "application", id);
  const merged = { ...pickApplicationFields(saved), ...changes } as ApplicationJson;
  const input = applicationInput(merged, caller, now);
  if (!(await updateApplication(db, { userId: caller.id, id, input }))) return missing(caller, "application", id);
  return getApplicationOp(caller, id);
}

const APPLICATION_FIELDS = [
  "company", "roleTitle", "location", "workMode", "postingUrl", "source", "salaryMin", "salaryMax",
  "salaryCurrency", "salaryPeriod", "status", "appliedOn", "excitement", "notes",
] as const;

function pickApplicationFields(saved: Record<string, unknown>): Partial<ApplicationJson> {
  return Object.fromEntries(APPLICATION_FIELDS.map((k) => [k, saved[k]]));
}

/** As the board moves a card: offer, rejected and withdrawn log that event too. */
export async function moveStatusOp(caller: ApiCaller, id: string, status: ApplicationStatus, now: Date) {
  const result = await moveApplication(getDb(), { userId: caller.id, id, target: status, now });
  if (!result.ok && result.reason === "not-found") return missing(caller, "application", id);
  if (!result.ok) throw new ApiError(409, result.message, { status: result.message });
  return { id, status: result.status, logged: result.logged };
}

export async function logRoundOp(caller: ApiCaller, applicationId: string, body: z.input<typeof logRoundBody>, now: Date) {
  const db = getDb();
  const roundId = await createRound(db, { userId: caller.id, applicationId, input: roundInput(body, caller, now) });
  if (!roundId) return missing(caller, "application", applicationId);
  const round = await getRound(db, { userId: caller.id, id: roundId });
  if (!round) return missing(caller, "round", roundId);
  const { interviewers, ...rest } = round;
  return { ...rest, people: interviewers };
}

export async function logEventOp(caller: ApiCaller, applicationId: string, body: z.input<typeof logEventBody>, now: Date) {
  const result = await logEvent(getDb(), { userId: caller.id, applicationId, input: eventInput(body, caller, now) });
  if (!result.ok && result.reason === "not-found") return missing(caller, "application", applicationId);
  if (!result.ok) throw new ApiError(409, result.message, { kind: result.message });
  return { id: result.id, applicationId, kind: body.kind };
}
