import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import {
  applications,
  customSignals,
  events,
  guidanceSettings,
  reminderSettings,
  guidanceSteps,
  imports,
  interviewers,
  roundInterviewers,
  rounds,
  roundSignals,
  users,
} from "@/db/schema";
import { snapshot } from "@/db/write";
import { EXPORT_FORMAT, EXPORT_VERSION, plainFields, type ExportDocumentJson } from "@/lib/export/document";
import { groupBy } from "@/lib/group-by";
import { readLibrary } from "./library-export";

type Json = ExportDocumentJson;
const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything the user owns, as Shortlist's JSON export (lib/export/document.ts):
 * a fixed number of queries, each scoped by the user, whatever the account's
 * size. The calendar feed's secret is left out: it is a key, not data.
 */
export async function exportDocument(db: Db, { userId, now }: { userId: string; now: Date }): Promise<Json> {
  // One snapshot (a read: it takes no write lock): every table as of the
  // same moment, even beside a running server. Read inside it, build after.
  const tables = await snapshot(db, (read) => readTables(read, { userId }));
  return buildDocument(tables, now);
}

async function readTables(db: Db, { userId }: { userId: string }) {
  const [account] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)).limit(1);
  if (!account) throw new Error("export of a user that does not exist");
  const [settingsRow] = await db.select().from(guidanceSettings).where(eq(guidanceSettings.userId, userId)).limit(1);
  const [reminderRow] = await db
    .select({
      emailOn: reminderSettings.emailOn,
      emailCarries: reminderSettings.emailCarries,
      digestHour: reminderSettings.digestHour,
      quietFrom: reminderSettings.quietFrom,
      quietUntil: reminderSettings.quietUntil,
    })
    .from(reminderSettings)
    .where(eq(reminderSettings.userId, userId))
    .limit(1);
  const people = await db
    .select({ id: interviewers.id, name: interviewers.name, title: interviewers.title, email: interviewers.email, matchKey: interviewers.matchKey, createdAt: interviewers.createdAt })
    .from(interviewers)
    .where(eq(interviewers.userId, userId))
    .orderBy(asc(interviewers.createdAt), asc(interviewers.id));
  const apps = await db
    .select({ application: applications, importedAt: imports.createdAt })
    .from(applications)
    .leftJoin(imports, and(eq(imports.id, applications.importId), eq(imports.userId, userId)))
    .where(eq(applications.userId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const roundRows = await db.select().from(rounds).where(eq(rounds.userId, userId)).orderBy(asc(rounds.scheduledAt), asc(rounds.createdAt), asc(rounds.id));
  const signalRows = await db.select().from(roundSignals).where(eq(roundSignals.userId, userId)).orderBy(asc(roundSignals.signal), asc(roundSignals.roundId));
  const customRows = await db.select().from(customSignals).where(eq(customSignals.userId, userId)).orderBy(asc(customSignals.position), asc(customSignals.id));
  const metRows = await db.select().from(roundInterviewers).where(eq(roundInterviewers.userId, userId)).orderBy(asc(roundInterviewers.position), asc(roundInterviewers.roundId), asc(roundInterviewers.interviewerId));
  const eventRows = await db.select().from(events).where(eq(events.userId, userId)).orderBy(asc(events.occurredAt), asc(events.createdAt), asc(events.id));
  const stepRows = await db.select().from(guidanceSteps).where(eq(guidanceSteps.userId, userId)).orderBy(asc(guidanceSteps.key), asc(guidanceSteps.applicationId));
  const library = await readLibrary(db, { userId });
  return { account, settingsRow, reminderRow, people, apps, roundRows, signalRows, customRows, metRows, eventRows, stepRows, library };
}

function buildDocument(tables: Awaited<ReturnType<typeof readTables>>, now: Date): Json {
  const { account, settingsRow, people, apps, roundRows } = tables;
  let settings: Json["guidanceSettings"] = null;
  if (settingsRow) {
    const { userId: owner, updatedAt, ...values } = settingsRow;
    void owner;
    void updatedAt;
    settings = values;
  }
  const signals = groupBy(tables.signalRows, (s) => s.roundId);
  const custom = groupBy(tables.customRows, (c) => c.roundId);
  const met = groupBy(tables.metRows, (p) => p.roundId);
  const eventRows = groupBy(tables.eventRows, (e) => e.applicationId);
  const steps = groupBy(tables.stepRows, (s) => s.applicationId);
  const roundsOf = groupBy(roundRows, (r) => r.applicationId);

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    account: { timeZone: account.timeZone },
    guidanceSettings: settings,
    reminderSettings: tables.reminderRow ?? null,
    people: people.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
    applications: apps.map(({ application: a, importedAt }) => ({
      id: a.id,
      ...plainFields(a),
      archivedAt: isoOrNull(a.archivedAt),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      importedAt: isoOrNull(importedAt),
      rounds: (roundsOf.get(a.id) ?? []).map((r) => ({
        id: r.id,
        kind: r.kind,
        scheduledAt: iso(r.scheduledAt),
        durationMinutes: r.durationMinutes,
        format: r.format,
        location: r.location,
        outcome: r.outcome,
        notes: r.notes,
        prepNotes: r.prepNotes,
        thankYouSentAt: isoOrNull(r.thankYouSentAt),
        noNextSteps: r.noNextSteps,
        signals: (signals.get(r.id) ?? []).map((s) => ({ signal: s.signal, onDate: s.onDate })),
        customSignals: (custom.get(r.id) ?? []).map((c) => c.text),
        people: (met.get(r.id) ?? []).map((p) => p.interviewerId),
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
      })),
      events: (eventRows.get(a.id) ?? []).map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredAt: iso(e.occurredAt),
        note: e.note,
        statusBefore: e.statusBefore,
        createdAt: iso(e.createdAt),
      })),
      steps: (steps.get(a.id) ?? []).map((s) => ({ key: s.key, state: s.state, until: isoOrNull(s.until), updatedAt: iso(s.updatedAt) })),
    })),
    documents: tables.library,
  };
}

/**
 * The export as text, a piece at a time, so a 5,000-application account
 * streams to the browser instead of waiting for one large string; the
 * document itself is read in one go, inside one read of the database.
 */
export function* exportJsonChunks(document: Json, perChunk = 100): Generator<string> {
  const { applications: list, ...head } = document;
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "applications": [`;
  for (let i = 0; i < list.length; i += perChunk) {
    const part = list.slice(i, i + perChunk).map((a) => `\n    ${JSON.stringify(a)}`);
    yield `${i === 0 ? "" : ","}${part.join(",")}`;
  }
  yield `${list.length ? "\n  " : ""}]\n}\n`;
}
