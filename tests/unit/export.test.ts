import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { exportDocument, exportJsonChunks } from "@/lib/data/account-export";
import { createApplication, insertApplications } from "@/lib/data/applications";
import { logEvent } from "@/lib/data/events";
import { applicationGuidance, actOnStep } from "@/lib/data/guidance";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { reminderSettingsOf, saveReminderSettings } from "@/lib/data/reminder-settings";
import { listImports } from "@/lib/data/imports";
import { setTimeZone } from "@/lib/data/users";
import { applicationsCsvChunks, csvCell, CSV_COLUMNS } from "@/lib/export/csv";
import { PLAIN_APPLICATION_FIELDS, type ExportDocumentJson } from "@/lib/export/document";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { sampleApplications } from "@/lib/sample-data";
import { makeUser, testDb } from "./support/db";
import { importFile, NOW, ownedRows } from "./support/imports";
import { rawRows } from "./support/raw-sql";

let db: Db;
beforeEach(() => {
  db = testDb();
});

const csvText = (doc: ExportDocumentJson) => [...applicationsCsvChunks(doc.applications, NOW)].join("");
const jsonText = (doc: ExportDocumentJson) => [...exportJsonChunks(doc, 3)].join("");

describe("the CSV export", () => {
  it("neutralises values a spreadsheet would run as formulas, and quotes separators, quotes and line breaks", () => {
    expect(csvCell('=HYPERLINK("https://evil.example","Click")')).toBe(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    for (const risky of ["+1 555 0100", "-2+3", "@SUM(A1)", "\tcmd", "\r=1", "  =1", "＝1"]) expect(csvCell(risky)).toMatch(/^"'/);
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(150000)).toBe('"150000"');
    expect(csvCell(null)).toBe('""');
  });

  it("has one row per application under the documented header, and opens as the text that was typed", async () => {
    const user = await makeUser(db, "ana@example.com");
    await createApplication(db, { userId: user.id, input: { company: '=HYPERLINK("https://evil.example","Click")', roleTitle: "Engineer, Platform", status: "applied", notes: "line one\nline two" } });
    await createApplication(db, { userId: user.id, input: { company: "Acme", roleTitle: "Dev", status: "offer", salaryMin: 100_000, salaryMax: 120_000, salaryCurrency: "EUR", salaryPeriod: "year" } });
    const text = csvText(await exportDocument(db, { userId: user.id, now: NOW }));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(2);
    const evil = rows.find((r) => r.Role === "Engineer, Platform");
    expect(evil?.Company).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(evil?.Notes).toBe("line one\nline two");
    expect(rows.find((r) => r.Company === "Acme")).toMatchObject({ Status: "Offer", "Salary min": "100000", "Salary currency": "EUR", "Pay period": "per year" });
  });
});

/** The parts of an export that must survive a move: no ids, no timestamps of the import itself, in an order ids don't decide. */
function comparable(doc: ExportDocumentJson) {
  const tokens = new Map<string, string>();
  const token = (id: string, kind: string) => {
    if (!tokens.has(id)) tokens.set(id, `${kind}${tokens.size}`);
    return tokens.get(id) as string;
  };
  const people = [...doc.people].sort((a, b) => a.matchKey.localeCompare(b.matchKey));
  people.forEach((p) => token(p.id, "person"));
  const apps = [...doc.applications].sort((a, b) => `${a.company}|${a.roleTitle}|${a.createdAt}`.localeCompare(`${b.company}|${b.roleTitle}|${b.createdAt}`));
  for (const a of apps) {
    token(a.id, "app");
    for (const r of a.rounds) token(r.id, "round");
    for (const e of a.events) token(e.id, "event");
  }
  return {
    account: doc.account,
    guidanceSettings: doc.guidanceSettings,
    reminderSettings: doc.reminderSettings,
    people: people.map(({ id, ...rest }) => ({ ...rest, id: token(id, "person") })),
    applications: apps.map(({ id, importedAt, ...a }) => ({
      ...a,
      id: token(id, "app"),
      imported: importedAt !== null,
      rounds: a.rounds.map(({ id: roundId, people: met, ...r }) => ({ ...r, id: token(roundId, "round"), people: met.map((p) => token(p, "person")) })),
      events: a.events.map(({ id: eventId, ...e }) => ({ ...e, id: token(eventId, "event") })),
      steps: a.steps
        .map((s) => ({ ...s, key: s.key.split(":").map((part) => tokens.get(part) ?? part).join(":") }))
        .sort((x, y) => x.key.localeCompare(y.key)),
    })),
  };
}

describe("the CSV export, imported again", () => {
  it("gives back every application's own fields, formula-like values included", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await insertApplications(db, { userId: ana.id, rows: sampleApplications(NOW) });
    for (const company of ['=HYPERLINK("https://evil.example","Click")', "＋1 Labs", "@Home", "-Dash Ltd"]) {
      await createApplication(db, { userId: ana.id, input: { company, roleTitle: "Engineer", status: "applied", notes: "=SUM(A1:A9) was the test" } });
    }
    const plain = (doc: ExportDocumentJson) =>
      doc.applications
        .map((a) => Object.fromEntries(PLAIN_APPLICATION_FIELDS.map((f) => [f, a[f]])))
        .sort((x, y) => `${x.company}|${x.roleTitle}`.localeCompare(`${y.company}|${y.roleTitle}`));
    const first = await exportDocument(db, { userId: ana.id, now: NOW });
    const ben = await makeUser(db, "ben@example.com");
    expect(await importFile(db, ben.id, Buffer.from(csvText(first)), { name: "shortlist-applications.csv" })).toMatchObject({ added: 16, problems: 0 });
    expect(plain(await exportDocument(db, { userId: ben.id, now: NOW }))).toEqual(plain(first));
  });
});

describe("the JSON export", () => {
  const ANA_REMINDERS = { emailOn: false, emailCarries: "digest", digestHour: 7, quietFrom: 22, quietUntil: 6 } as const;
  async function richAccount() {
    const user = await makeUser(db, "ana@example.com");
    await setTimeZone(db, { userId: user.id, timeZone: "Europe/Berlin" });
    await insertApplications(db, { userId: user.id, rows: sampleApplications(NOW) });
    await saveGuidanceSettings(db, { userId: user.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 36, moveOnFollowUps: 3 } });
    await saveReminderSettings(db, { userId: user.id, settings: ANA_REMINDERS, now: NOW });
    // Logged by hand, a rejection remembers the status it moved from.
    const turnedDown = await createApplication(db, { userId: user.id, input: { company: "Declined Co", roleTitle: "Dev", status: "interviewing", appliedOn: "2024-03-01" } });
    await logEvent(db, {
      userId: user.id,
      applicationId: turnedDown.id,
      input: { kind: "rejection_received", occurredAt: new Date(NOW.getTime() - 86_400_000), note: "Not this time" },
    });
    // A handled step whose key names a round: it must stay handled after a move.
    const list = (await rawRows(db, sql`select id from applications where user_id = ${user.id}`)) as { id: string }[];
    let dismissed = 0;
    for (const { id } of list) {
      const guidanceUser = { id: user.id, timeZone: "UTC" };
      const step = (await applicationGuidance(db, { user: guidanceUser, applicationId: id, now: NOW }))?.recommendations[0];
      if (step && (await actOnStep(db, { user: guidanceUser, applicationId: id, key: step.key, action: { kind: "dismiss" }, now: NOW })).ok) dismissed++;
      if (dismissed === 2) break;
    }
    return user;
  }

  it("holds every kind of row the account has", async () => {
    const user = await richAccount();
    const doc = await exportDocument(db, { userId: user.id, now: NOW });
    const rounds = doc.applications.flatMap((a) => a.rounds);
    expect(doc).toMatchObject({ format: "shortlist-export", version: 1, guidanceSettings: { thankYouWindowHours: 36, moveOnFollowUps: 3 }, reminderSettings: ANA_REMINDERS });
    expect(doc.applications).toHaveLength(13);
    expect(rounds.length).toBeGreaterThan(5);
    expect(rounds.some((r) => r.signals.some((s) => s.onDate))).toBe(true);
    expect(rounds.some((r) => r.customSignals.length)).toBe(true);
    expect(rounds.some((r) => r.people.length) && doc.people.length).toBeTruthy();
    expect(doc.applications.some((a) => a.events.some((e) => e.statusBefore))).toBe(true);
    expect(doc.applications.flatMap((a) => a.steps).filter((s) => s.state === "dismissed")).toHaveLength(2);
    expect(doc.applications.some((a) => a.archivedAt)).toBe(true);
    // Streamed in pieces, it is still one JSON document.
    expect(JSON.parse(jsonText(doc))).toEqual(doc);
  });

  it("imports into an empty account with nothing lost: exporting that account gives the same data apart from ids and the import's own time", async () => {
    const ana = await richAccount();
    const first = await exportDocument(db, { userId: ana.id, now: NOW });
    const bytes = Buffer.from(jsonText(first));

    const ben = await makeUser(db, "ben@example.com");
    const outcome = await importFile(db, ben.id, bytes, { name: "shortlist-export.json" });
    expect(outcome).toMatchObject({ added: 13, duplicates: 0, problems: 0, settingsRestored: true });
    const second = await exportDocument(db, { userId: ben.id, now: NOW });
    expect(second.applications.every((a) => a.importedAt === NOW.toISOString())).toBe(true);
    expect(comparable(second)).toEqual({ ...comparable(first), applications: comparable(first).applications.map((a) => ({ ...a, imported: true })) });
    // The dismissed steps still apply to the new rounds: the guidance hides them for Ben as it did for Ana.
    const open = async (userId: string) => {
      let n = 0;
      for (const { id } of (await rawRows(db, sql`select id from applications where user_id = ${userId}`)) as { id: string }[]) {
        n += (await applicationGuidance(db, { user: { id: userId, timeZone: "UTC" }, applicationId: id, now: NOW }))?.recommendations.length ?? 0;
      }
      return n;
    };
    expect(await open(ben.id)).toBe(await open(ana.id));
  });

  it("imported twice, or into the account it came from, adds nothing", async () => {
    const ana = await richAccount();
    const bytes = Buffer.from(jsonText(await exportDocument(db, { userId: ana.id, now: NOW })));
    const before = await ownedRows(db, ana.id);
    expect(await importFile(db, ana.id, bytes)).toMatchObject({ importId: null, added: 0, duplicates: 13 });
    expect(await ownedRows(db, ana.id)).toEqual(before);
    const ben = await makeUser(db, "ben@example.com");
    await importFile(db, ben.id, bytes);
    expect(await importFile(db, ben.id, bytes)).toMatchObject({ added: 0, duplicates: 13 });
    expect(await listImports(db, { userId: ben.id })).toHaveLength(1);
  });

  it("keeps the importing account's own timings when it has some", async () => {
    const ana = await richAccount();
    const bytes = Buffer.from(jsonText(await exportDocument(db, { userId: ana.id, now: NOW })));
    const ben = await makeUser(db, "ben@example.com");
    await saveGuidanceSettings(db, { userId: ben.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, decisionWaitDays: 14 } });
    const benReminders = { emailOn: true, emailCarries: "nudges", digestHour: 9, quietFrom: 20, quietUntil: 9 } as const;
    await saveReminderSettings(db, { userId: ben.id, settings: benReminders, now: NOW });
    expect((await importFile(db, ben.id, bytes)).settingsRestored).toBe(false);
    expect((await exportDocument(db, { userId: ben.id, now: NOW })).guidanceSettings).toMatchObject({ decisionWaitDays: 14, thankYouWindowHours: 24 });
    expect(await reminderSettingsOf(db, { userId: ben.id })).toEqual(benReminders);
  });

  it("reads an export made before reminders existed, and an account that kept the default reminders exports none", async () => {
    const ana = await richAccount();
    const { reminderSettings, ...older } = await exportDocument(db, { userId: ana.id, now: NOW });
    expect(reminderSettings).toEqual(ANA_REMINDERS);
    const ben = await makeUser(db, "ben@example.com");
    expect(await importFile(db, ben.id, Buffer.from(jsonText(older as ExportDocumentJson)))).toMatchObject({ added: 13, problems: 0 });
    const benDoc = await exportDocument(db, { userId: ben.id, now: NOW });
    expect(benDoc.reminderSettings).toBeNull();
    expect(benDoc.applications).toHaveLength(13);
  });

  it("keeps the importing account's own time zone, and reads a zone this machine doesn't know as none", async () => {
    const ana = await richAccount();
    const doc = await exportDocument(db, { userId: ana.id, now: NOW });
    const ben = await makeUser(db, "ben@example.com");
    await setTimeZone(db, { userId: ben.id, timeZone: "America/Chicago" });
    await importFile(db, ben.id, Buffer.from(jsonText(doc)));
    expect((await exportDocument(db, { userId: ben.id, now: NOW })).account.timeZone).toBe("America/Chicago");
    const cy = await makeUser(db, "cy@example.com");
    await importFile(db, cy.id, Buffer.from(jsonText({ ...doc, account: { timeZone: "Mars/Olympus_Mons" } })));
    expect((await exportDocument(db, { userId: cy.id, now: NOW })).account.timeZone).toBeNull();
  });

  it("a changed or foreign JSON file is refused with a reason", async () => {
    const ana = await richAccount();
    const doc = await exportDocument(db, { userId: ana.id, now: NOW });
    const ben = await makeUser(db, "ben@example.com");
    const attempt = (value: unknown) => importFile(db, ben.id, Buffer.from(JSON.stringify(value)));
    await expect(attempt({ ...doc, version: 2 })).rejects.toThrow("newer Shortlist (format version 2)");
    await expect(attempt({ ...doc, applications: [{ ...doc.applications[0], status: "hired" }] })).rejects.toThrow("applications.0.status");
    const round = doc.applications.find((a) => a.rounds.some((r) => r.people.length));
    await expect(attempt({ ...doc, people: [], applications: [round] })).rejects.toThrow("names a person");
    const signalled = doc.applications.find((a) => a.rounds.some((r) => r.signals.length)) as (typeof doc.applications)[number];
    const twice = { ...signalled, rounds: signalled.rounds.map((r) => ({ ...r, signals: [...r.signals, ...r.signals] })) };
    await expect(attempt({ ...doc, applications: [twice] })).rejects.toThrow("lists a signal twice");
    const stepped = doc.applications.find((a) => a.steps.length) as (typeof doc.applications)[number];
    await expect(attempt({ ...doc, applications: [{ ...stepped, steps: [...stepped.steps, ...stepped.steps] }] })).rejects.toThrow("lists a next step twice");
    await expect(importFile(db, ben.id, Buffer.from('{"format": "shortlist-export"'))).rejects.toThrow("isn't valid JSON");
    expect((await ownedRows(db, ben.id)).applications).toEqual([]);
  });

  it("holds nothing of another user's", async () => {
    const ana = await richAccount();
    const ben = await makeUser(db, "ben@example.com");
    await createApplication(db, { userId: ben.id, input: { company: "Bens Own", roleTitle: "Dev", status: "applied" } });
    const doc = await exportDocument(db, { userId: ben.id, now: NOW });
    expect(doc.applications.map((a) => a.company)).toEqual(["Bens Own"]);
    expect(doc.people).toEqual([]);
    expect(doc.guidanceSettings).toBeNull();
    const anas = new Set(((await rawRows(db, sql`select id from applications where user_id = ${ana.id}`)) as { id: string }[]).map((r) => r.id));
    expect(JSON.stringify(doc)).not.toMatch(new RegExp([...anas].join("|")));
  });
});

describe("look-alike applications in one export", () => {
  it("both move: an export is a copy of an account, not a file of repeats", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Dev", status: "applied", appliedOn: "2024-03-01" } });
    await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Dev", status: "rejected", appliedOn: "2024-03-01" } });
    const bytes = Buffer.from(jsonText(await exportDocument(db, { userId: ana.id, now: NOW })));
    const ben = await makeUser(db, "ben@example.com");
    expect(await importFile(db, ben.id, bytes)).toMatchObject({ added: 2, duplicates: 0 });
    expect(await importFile(db, ben.id, bytes)).toMatchObject({ added: 0, duplicates: 2 });
  });
});
