import "server-only";
import { eq, sql } from "drizzle-orm";
import { applications, customSignals, events, guidanceSettings, guidanceSteps, interviewers, reminderSettings, roundInterviewers, rounds, roundSignals } from "@/db/schema";
import type { Tx } from "@/db/write";
import { plainFields, type ExportDocument, type ExportedApplication } from "@/lib/export/document";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { saveGuidanceSettings } from "./guidance-settings";
import { adoptTimeZone } from "./users";

const BATCH = 100;

/**
 * Writes applications from a Shortlist export exactly as they were, inside
 * the caller's transaction: statuses, the status each event moved from,
 * thank-yous, signals, the people met and the steps handled. Every row gets
 * a new id, and a step's key (a rule plus the ids of the round or event it
 * is about) is rewritten to the new ids, so a dismissed step stays
 * dismissed. People are matched to the account's own contacts as typing
 * them would be. The export's next-step timings, and its time zone, are
 * taken only by an account that has none of its own, as are its
 * reminder settings. `ids` maps the
 * export's ids to the new ones, for what refers to them (the documents).
 */
export async function restoreApplications(
  tx: Tx,
  args: {
    userId: string;
    importId: string;
    /** When the import runs: the restored facts reach Shortlist then, whatever their own dates. */
    importedAt: Date;
    document: ExportDocument;
    applications: ExportedApplication[];
    onProgress?: (done: number, total: number) => void;
  },
): Promise<{ settingsRestored: boolean; ids: ReadonlyMap<string, string> }> {
  const { userId, importId, document } = args;
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    const id = crypto.randomUUID();
    ids.set(old, id);
    return id;
  };
  const peopleById = new Map(document.people.map((p) => [p.id, p]));
  const person = async (old: string): Promise<string> => {
    const known = ids.get(old);
    if (known) return known;
    const p = peopleById.get(old);
    if (!p) throw new Error(`export names a person it does not list: ${old}`);
    const [row] = await tx
      .insert(interviewers)
      .values({ userId, name: p.name, title: p.title, email: p.email, matchKey: p.matchKey, createdAt: p.createdAt })
      .onConflictDoUpdate({ target: [interviewers.userId, interviewers.matchKey], set: { title: sql`coalesce(${interviewers.title}, excluded.title)` } })
      .returning({ id: interviewers.id });
    ids.set(old, row.id);
    return row.id;
  };

  const list = args.applications;
  for (let start = 0; start < list.length; start += BATCH) {
    const batch = list.slice(start, start + BATCH);
    await tx
      .insert(applications)
      .values(
        batch.map((a) => ({
          ...plainFields(a),
          id: fresh(a.id),
          userId,
          importId,
          importedAt: args.importedAt,
          archivedAt: a.archivedAt,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        })),
      );
    const roundRows = batch.flatMap((a) =>
      a.rounds.map((r) => ({
        id: fresh(r.id),
        userId,
        applicationId: ids.get(a.id) as string,
        kind: r.kind,
        scheduledAt: r.scheduledAt,
        durationMinutes: r.durationMinutes,
        format: r.format,
        location: r.location,
        outcome: r.outcome,
        notes: r.notes,
        prepNotes: r.prepNotes,
        thankYouSentAt: r.thankYouSentAt,
        noNextSteps: r.noNextSteps,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
    );
    if (roundRows.length) await tx.insert(rounds).values(roundRows);
    const allRounds = batch.flatMap((a) => a.rounds);
    const signalRows = allRounds.flatMap((r) => r.signals.map((s) => ({ userId, roundId: ids.get(r.id) as string, signal: s.signal, onDate: s.onDate })));
    if (signalRows.length) await tx.insert(roundSignals).values(signalRows);
    const customRows = allRounds.flatMap((r) => r.customSignals.map((text, position) => ({ userId, roundId: ids.get(r.id) as string, text, position })));
    if (customRows.length) await tx.insert(customSignals).values(customRows);
    // One person at a time: statements inside a write run one after another.
    const peopleRows: { userId: string; roundId: string; interviewerId: string; position: number }[] = [];
    for (const r of allRounds) {
      for (const [position, p] of [...new Set(r.people)].entries()) {
        peopleRows.push({ userId, roundId: ids.get(r.id) as string, interviewerId: await person(p), position });
      }
    }
    if (peopleRows.length) await tx.insert(roundInterviewers).values(peopleRows);
    const eventRows = batch.flatMap((a) =>
      a.events.map((e) => ({
        id: fresh(e.id),
        userId,
        applicationId: ids.get(a.id) as string,
        kind: e.kind,
        occurredAt: e.occurredAt,
        note: e.note,
        statusBefore: e.statusBefore,
        createdAt: e.createdAt,
      })),
    );
    if (eventRows.length) await tx.insert(events).values(eventRows);
    // Keys are "<rule>:<round or event id>[:<n>]"; only the ids change.
    const stepRows = batch.flatMap((a) =>
      a.steps.map((s) => ({
        userId,
        applicationId: ids.get(a.id) as string,
        key: s.key.split(":").map((part) => ids.get(part) ?? part).join(":"),
        state: s.state,
        until: s.until,
        updatedAt: s.updatedAt,
      })),
    );
    if (stepRows.length) await tx.insert(guidanceSteps).values(stepRows);
    args.onProgress?.(Math.min(list.length, start + BATCH), list.length);
  }

  if (document.account.timeZone) await adoptTimeZone(tx, { userId, timeZone: document.account.timeZone });
  // Like the timings below: taken only by an account that never set its own.
  if (document.reminderSettings) {
    await tx
      .insert(reminderSettings)
      .values({ userId, ...document.reminderSettings, updatedAt: args.importedAt })
      .onConflictDoNothing({ target: reminderSettings.userId });
  }
  const [ownSettings] = await tx.select({ userId: guidanceSettings.userId }).from(guidanceSettings).where(eq(guidanceSettings.userId, userId)).limit(1);
  if (document.guidanceSettings && !ownSettings) {
    await saveGuidanceSettings(tx, { userId, settings: { ...DEFAULT_GUIDANCE_SETTINGS, ...document.guidanceSettings } });
    return { settingsRestored: true, ids };
  }
  return { settingsRestored: false, ids };
}
