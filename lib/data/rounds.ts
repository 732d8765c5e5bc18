import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { snapshot, write, type Tx } from "@/db/write";
import {
  applications,
  customSignals,
  roundInterviewers,
  rounds,
  roundSignals,
  SIGNAL_KEYS,
  type Round,
  type SignalKey,
} from "@/db/schema";
import { statusAfterRound } from "@/lib/interviews/status-moves";
import type { RoundInput } from "@/lib/validation/round";
import { interviewersOfRounds, ownedInterviewerIds, pruneContacts, upsertInterviewers, type InterviewerView } from "./interviewers";
import { ownedApplication } from "./ownership";

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

/** Signals, the user's own notes on them, and the people met, for these rounds. */
async function withDetails(
  db: Db,
  { userId, list }: { userId: string; list: Omit<RoundView, "signals" | "customSignals" | "interviewers">[] },
): Promise<RoundView[]> {
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  // One after another: a write's or a snapshot's connection runs one query at a time.
  const signals = await db
    .select({ roundId: roundSignals.roundId, signal: roundSignals.signal, onDate: roundSignals.onDate })
    .from(roundSignals)
    .where(and(eq(roundSignals.userId, userId), inArray(roundSignals.roundId, ids)));
  const custom = await db
    .select({ roundId: customSignals.roundId, text: customSignals.text })
    .from(customSignals)
    .where(and(eq(customSignals.userId, userId), inArray(customSignals.roundId, ids)))
    .orderBy(asc(customSignals.position), asc(customSignals.id));
  const people = await interviewersOfRounds(db, { userId, roundIds: ids });
  return list.map((round) => ({
    ...round,
    signals: signals
      .filter((s) => s.roundId === round.id)
      .map(({ signal, onDate }) => ({ signal, onDate }))
      .sort((a, b) => SIGNAL_KEYS.indexOf(a.signal) - SIGNAL_KEYS.indexOf(b.signal)),
    customSignals: custom.filter((c) => c.roundId === round.id).map((c) => c.text),
    interviewers: people.get(round.id) ?? [],
  }));
}

/** The application's rounds in timeline order: by start, then by when they were logged. */
export async function listRounds(db: Db, { userId, applicationId }: { userId: string; applicationId: string }): Promise<RoundView[]> {
  // A round and its details as of one moment, whatever is saved meanwhile.
  return snapshot(db, async (read) => {
    const list = await read
      .select(roundColumns)
      .from(rounds)
      .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, applicationId)))
      .orderBy(asc(rounds.scheduledAt), asc(rounds.createdAt), asc(rounds.id));
    return withDetails(read, { userId, list });
  });
}

export async function getRound(db: Db, { userId, id }: { userId: string; id: string }): Promise<RoundView | undefined> {
  return snapshot(db, async (read) => {
    const [round] = await read.select(roundColumns).from(rounds).where(ownedRound(userId, id)).limit(1);
    return round ? (await withDetails(read, { userId, list: [round] }))[0] : undefined;
  });
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
async function writeDetails(
  tx: Tx,
  { userId, roundId, company, input }: { userId: string; roundId: string; company: string; input: RoundInput },
): Promise<void> {
  await tx.delete(roundSignals).where(and(eq(roundSignals.userId, userId), eq(roundSignals.roundId, roundId)));
  await tx.delete(customSignals).where(and(eq(customSignals.userId, userId), eq(customSignals.roundId, roundId)));
  await tx.delete(roundInterviewers).where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.roundId, roundId)));
  if (input.signals.length) {
    await tx.insert(roundSignals).values(
      input.signals.map((signal) => ({
        userId,
        roundId,
        signal,
        onDate: signal === "hiring_timeline" ? (input.hiringTimelineOn ?? null) : null,
      })),
    );
  }
  if (input.customSignals.length) {
    await tx.insert(customSignals).values(input.customSignals.map((text, position) => ({ userId, roundId, text, position })));
  }
  const created = await upsertInterviewers(tx, { userId, company, people: input.newInterviewers });
  const people = [...new Set([...input.interviewerIds, ...created])];
  if (people.length) {
    await tx.insert(roundInterviewers).values(people.map((interviewerId, position) => ({ userId, roundId, interviewerId, position })));
  }
}

/** Someone else's contact id in a posted form is treated like someone else's round: not found. */
async function allInterviewersOwned(tx: Db, { userId, ids }: { userId: string; ids: string[] }): Promise<boolean> {
  return (await ownedInterviewerIds(tx, { userId, ids })).size === new Set(ids).size;
}

/** Inserts a round with its details inside the caller's transaction (sample data, imports). */
export async function insertRound(
  tx: Tx,
  { userId, application, input }: { userId: string; application: { id: string; company: string }; input: RoundInput },
): Promise<string> {
  const [{ id }] = await tx
    .insert(rounds)
    .values({ ...roundRow(input), userId, applicationId: application.id })
    .returning({ id: rounds.id });
  await writeDetails(tx, { userId, roundId: id, company: application.company, input });
  return id;
}

/**
 * Logs a round, its signals and its people in one transaction, and moves an
 * application that hadn't reached interviews yet. Returns the new round's
 * id, or null when the application (or a picked person) is not the user's.
 */
export async function createRound(
  db: Db,
  { userId, applicationId, input }: { userId: string; applicationId: string; input: RoundInput },
): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    const [application] = await tx
      .select({ id: applications.id, company: applications.company, status: applications.status })
      .from(applications)
      .where(ownedApplication(userId, applicationId))
      .limit(1);
    if (!application || !(await allInterviewersOwned(tx, { userId, ids: input.interviewerIds }))) return null;
    const id = await insertRound(tx, { userId, application, input });
    await tx
      .update(applications)
      .set({ status: statusAfterRound(application.status, input.kind), updatedAt: new Date() })
      .where(ownedApplication(userId, applicationId));
    return id;
  });
}

/** Returns the round's application id, or null when the round is not the user's. */
export async function updateRound(
  db: Db,
  { userId, id, input }: { userId: string; id: string; input: RoundInput },
): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    const [round] = await tx
      .select({ applicationId: rounds.applicationId, company: applications.company })
      .from(rounds)
      .innerJoin(applications, ownedApplication(userId, rounds.applicationId))
      .where(ownedRound(userId, id))
      .limit(1);
    if (!round || !(await allInterviewersOwned(tx, { userId, ids: input.interviewerIds }))) return null;
    await tx
      .update(rounds)
      .set({ ...roundRow(input), updatedAt: new Date() })
      .where(ownedRound(userId, id));
    await writeDetails(tx, { userId, roundId: id, company: round.company, input });
    await pruneContacts(tx, { userId });
    await touchApplication(tx, { userId, applicationId: round.applicationId });
    return round.applicationId;
  });
}

/**
 * Deletes the round with its signals (by cascade) and any contact no other
 * round mentions; returns its application id, or null. When the last round
 * goes, an application that logging rounds had moved to screening or
 * interviewing goes back to applied.
 */
export async function deleteRound(db: Db, { userId, id }: { userId: string; id: string }): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    const [deleted] = await tx.delete(rounds).where(ownedRound(userId, id)).returning({ applicationId: rounds.applicationId });
    if (!deleted) return null;
    await pruneContacts(tx, { userId });
    const [remaining] = await tx
      .select({ id: rounds.id })
      .from(rounds)
      .where(and(eq(rounds.userId, userId), eq(rounds.applicationId, deleted.applicationId)))
      .limit(1);
    if (!remaining) {
      await tx
        .update(applications)
        .set({ status: "applied" })
        .where(and(ownedApplication(userId, deleted.applicationId), inArray(applications.status, ["screening", "interviewing"])));
    }
    await touchApplication(tx, { userId, applicationId: deleted.applicationId });
    return deleted.applicationId;
  });
}

export type ThankYouResult = { ok: true; applicationId: string } | { ok: false; reason: "not-found" | "not-started" };

/** "Sent now": refuses a round that hasn't started, as the form does. */
export async function markThankYouSent(
  db: Db,
  { userId, id, at }: { userId: string; id: string; at: Date },
): Promise<ThankYouResult> {
  return write(db, { userId }, async (tx): Promise<ThankYouResult> => {
    const [round] = await tx
      .select({ applicationId: rounds.applicationId, scheduledAt: rounds.scheduledAt })
      .from(rounds)
      .where(ownedRound(userId, id))
      .limit(1);
    if (!round) return { ok: false, reason: "not-found" };
    if (at < round.scheduledAt) return { ok: false, reason: "not-started" };
    // A thank-you already logged keeps its time: a second click from a stale tab changes nothing.
    await tx
      .update(rounds)
      .set({ thankYouSentAt: at, updatedAt: new Date() })
      .where(and(ownedRound(userId, id), isNull(rounds.thankYouSentAt)));
    await touchApplication(tx, { userId, applicationId: round.applicationId });
    return { ok: true, applicationId: round.applicationId };
  });
}

export async function touchApplication(tx: Tx, { userId, applicationId }: { userId: string; applicationId: string }): Promise<void> {
  await tx.update(applications).set({ updatedAt: new Date() }).where(ownedApplication(userId, applicationId));
}
