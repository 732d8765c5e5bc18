import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import {
  applications,
  customSignals,
  interviewers,
  roundInterviewers,
  rounds,
  roundSignals,
  SIGNAL_KEYS,
  type Round,
  type SignalKey,
} from "@/db/schema";
import { statusAfterRound } from "@/lib/interviews/status-moves";
import type { RoundInput } from "@/lib/validation/round";
import {
  interviewerColumns,
  ownedInterviewerIds,
  pruneContacts,
  upsertInterviewers,
  type InterviewerView,
} from "./interviewers";
import { write, type WriteTx } from "./write";

export type RoundSignal = { signal: SignalKey; onDate: string | null };
export type RoundView = Omit<Round, "userId"> & {
  signals: RoundSignal[];
  customSignals: string[];
  interviewers: InterviewerView[];
};

const roundColumns = {
  id: rounds.id,
  applicationId: rounds.applicationId,
  kind: rounds.kind,
  scheduledAt: rounds.scheduledAt,
  durationMinutes: rounds.durationMinutes,
  format: rounds.format,
  location: rounds.location,
  outcome: rounds.outcome,
  notes: rounds.notes,
  prepNotes: rounds.prepNotes,
  thankYouSentAt: rounds.thankYouSentAt,
  noNextSteps: rounds.noNextSteps,
  createdAt: rounds.createdAt,
  updatedAt: rounds.updatedAt,
};

const ownedRound = (userId: string, id: string) => and(eq(rounds.id, id), eq(rounds.userId, userId));
const ownedApplication = (userId: string, id: string) => and(eq(applications.id, id), eq(applications.userId, userId));

/** Signals, the user's own notes on them, and the people met, for these rounds. */
function withDetails(db: Queryable, userId: string, list: Omit<RoundView, "signals" | "customSignals" | "interviewers">[]): RoundView[] {
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  const signals = db
    .select({ roundId: roundSignals.roundId, signal: roundSignals.signal, onDate: roundSignals.onDate })
    .from(roundSignals)
    .where(and(eq(roundSignals.userId, userId), inArray(roundSignals.roundId, ids)))
    .all();
  const custom = db
    .select({ roundId: customSignals.roundId, text: customSignals.text })
    .from(customSignals)
    .where(and(eq(customSignals.userId, userId), inArray(customSignals.roundId, ids)))
    .orderBy(asc(customSignals.position))
    .all();
  const people = db
    .select({ roundId: roundInterviewers.roundId, ...interviewerColumns })
    .from(roundInterviewers)
    .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), eq(interviewers.userId, userId)))
    .where(and(eq(roundInterviewers.userId, userId), inArray(roundInterviewers.roundId, ids)))
    .orderBy(asc(roundInterviewers.position))
    .all();
  return list.map((round) => ({
    ...round,
    signals: signals
      .filter((s) => s.roundId === round.id)
      .map(({ signal, onDate }) => ({ signal, onDate }))
      .sort((a, b) => SIGNAL_KEYS.indexOf(a.signal) - SIGNAL_KEYS.indexOf(b.signal)),
    customSignals: custom.filter((c) => c.roundId === round.id).map((c) => c.text),
    interviewers: people
      .filter((p) => p.roundId === round.id)
      .map((p) => ({ id: p.id, name: p.name, title: p.title, email: p.email })),
  }));
}

/** The application's rounds in timeline order: by start, then by when they were logged. */
export function listRounds(db: Queryable, userId: string, applicationId: string): RoundView[] {
  const list = db
    .select(roundColumns)
    .from(rounds)
    .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, applicationId)))
    .orderBy(asc(rounds.scheduledAt), asc(rounds.createdAt), asc(rounds.id))
    .all();
  return withDetails(db, userId, list);
}

export function getRound(db: Queryable, userId: string, id: string): RoundView | undefined {
  const round = db.select(roundColumns).from(rounds).where(ownedRound(userId, id)).get();
  return round ? withDetails(db, userId, [round])[0] : undefined;
}

function roundRow(input: RoundInput) {
  return {
    kind: input.kind,
    scheduledAt: input.scheduledAt,
    durationMinutes: input.durationMinutes ?? null,
    format: input.format ?? null,
    location: input.location ?? null,
    outcome: input.outcome,
    notes: input.notes ?? null,
    prepNotes: input.prepNotes ?? null,
    thankYouSentAt: input.thankYouSentAt ?? null,
    noNextSteps: input.noNextSteps,
  };
}

/** Replaces the round's signals and people; the caller has checked ownership. */
function writeDetails(tx: WriteTx, userId: string, roundId: string, company: string, input: RoundInput) {
  tx.delete(roundSignals).where(and(eq(roundSignals.userId, userId), eq(roundSignals.roundId, roundId))).run();
  tx.delete(customSignals).where(and(eq(customSignals.userId, userId), eq(customSignals.roundId, roundId))).run();
  tx.delete(roundInterviewers).where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.roundId, roundId))).run();
  if (input.signals.length) {
    tx.insert(roundSignals)
      .values(
        input.signals.map((signal) => ({
          userId,
          roundId,
          signal,
          onDate: signal === "hiring_timeline" ? (input.hiringTimelineOn ?? null) : null,
        })),
      )
      .run();
  }
  if (input.customSignals.length) {
    tx.insert(customSignals)
      .values(input.customSignals.map((text, position) => ({ userId, roundId, text, position })))
      .run();
  }
  const people = [...new Set([...input.interviewerIds, ...upsertInterviewers(tx, userId, company, input.newInterviewers)])];
  if (people.length) {
    tx.insert(roundInterviewers)
      .values(people.map((interviewerId, position) => ({ userId, roundId, interviewerId, position })))
      .run();
  }
}

/** Someone else's contact id in a posted form is treated like someone else's round: not found. */
function allInterviewersOwned(tx: Queryable, userId: string, ids: string[]): boolean {
  return ownedInterviewerIds(tx, userId, ids).size === new Set(ids).size;
}

/** Inserts a round with its details inside the caller's transaction (sample data, imports). */
export function insertRound(
  tx: WriteTx,
  userId: string,
  application: { id: string; company: string },
  input: RoundInput,
): string {
  const { id } = tx
    .insert(rounds)
    .values({ ...roundRow(input), userId, applicationId: application.id })
    .returning({ id: rounds.id })
    .get();
  writeDetails(tx, userId, id, application.company, input);
  return id;
}

/**
 * Logs a round, its signals and its people in one transaction, and moves an
 * application that hadn't reached interviews yet. Returns the new round's
 * id, or null when the application (or a picked person) is not the user's.
 */
export function createRound(db: Db, userId: string, applicationId: string, input: RoundInput): string | null {
  return write(db, (tx) => {
    const application = tx
      .select({ id: applications.id, company: applications.company, status: applications.status })
      .from(applications)
      .where(ownedApplication(userId, applicationId))
      .get();
    if (!application || !allInterviewersOwned(tx, userId, input.interviewerIds)) return null;
    const id = insertRound(tx, userId, application, input);
    tx.update(applications)
      .set({ status: statusAfterRound(application.status, input.kind), updatedAt: new Date() })
      .where(ownedApplication(userId, applicationId))
      .run();
    return id;
  });
}

/** Returns the round's application id, or null when the round is not the user's. */
export function updateRound(db: Db, userId: string, id: string, input: RoundInput): string | null {
  return write(db, (tx) => {
    const round = tx
      .select({ applicationId: rounds.applicationId, company: applications.company })
      .from(rounds)
      .innerJoin(applications, and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)))
      .where(ownedRound(userId, id))
      .get();
    if (!round || !allInterviewersOwned(tx, userId, input.interviewerIds)) return null;
    tx.update(rounds)
      .set({ ...roundRow(input), updatedAt: new Date() })
      .where(ownedRound(userId, id))
      .run();
    writeDetails(tx, userId, id, round.company, input);
    pruneContacts(tx, userId);
    touchApplication(tx, userId, round.applicationId);
    return round.applicationId;
  });
}

/**
 * Deletes the round with its signals (by cascade) and any contact no other
 * round mentions; returns its application id, or null. When the last round
 * goes, an application that logging rounds had moved to screening or
 * interviewing goes back to applied.
 */
export function deleteRound(db: Db, userId: string, id: string): string | null {
  return write(db, (tx) => {
    const deleted = tx.delete(rounds).where(ownedRound(userId, id)).returning({ applicationId: rounds.applicationId }).get();
    if (!deleted) return null;
    pruneContacts(tx, userId);
    const remaining = tx
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, deleted.applicationId)))
      .get();
    if (!remaining) {
      tx.update(applications)
        .set({ status: "applied" })
        .where(and(ownedApplication(userId, deleted.applicationId), inArray(applications.status, ["screening", "interviewing"])))
        .run();
    }
    touchApplication(tx, userId, deleted.applicationId);
    return deleted.applicationId;
  });
}

export type ThankYouResult = { ok: true; applicationId: string } | { ok: false; reason: "not-found" | "not-started" };

/** "Sent now": refuses a round that hasn't started, as the form does. */
export function markThankYouSent(db: Queryable, userId: string, id: string, at: Date): ThankYouResult {
  return write(db, (tx): ThankYouResult => {
    const round = tx
      .select({ applicationId: rounds.applicationId, scheduledAt: rounds.scheduledAt })
      .from(rounds)
      .where(ownedRound(userId, id))
      .get();
    if (!round) return { ok: false, reason: "not-found" };
    if (at < round.scheduledAt) return { ok: false, reason: "not-started" };
    // A thank-you already logged keeps its time: a second click from a stale tab changes nothing.
    tx.update(rounds)
      .set({ thankYouSentAt: at, updatedAt: new Date() })
      .where(and(ownedRound(userId, id), isNull(rounds.thankYouSentAt)))
      .run();
    touchApplication(tx, userId, round.applicationId);
    return { ok: true, applicationId: round.applicationId };
  });
}

export function touchApplication(tx: WriteTx, userId: string, applicationId: string): void {
  tx.update(applications).set({ updatedAt: new Date() }).where(ownedApplication(userId, applicationId)).run();
}
