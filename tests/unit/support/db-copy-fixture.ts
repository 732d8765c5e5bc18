// Run by tests/unit/postgres/db-copy.test.ts in a process of its own, on the
// engine its environment names (lib/ picks its tables once, from DATABASE_URL):
//   tsx --conditions=react-server tests/unit/support/db-copy-fixture.ts seed
//     -> two accounts with a bit of everything, written through lib/; prints their ids and a token
//   tsx --conditions=react-server tests/unit/support/db-copy-fixture.ts answers <seed output>
//     -> what the app's own read functions answer for both accounts, as JSON
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openConfigured } from "@/db/open-configured";
import type { Db } from "@/db/open";
import { hashPassword } from "@/lib/auth/password";
import { issueAccessToken } from "@/lib/auth/access-tokens";
import { exportDocument } from "@/lib/data/account-export";
import { listAccessTokens } from "@/lib/data/access-tokens";
import { listApplications, insertApplications } from "@/lib/data/applications";
import { createOrRegenerateCalendarFeed, getCalendarFeed } from "@/lib/data/calendar-feed";
import { attachVersion, attachmentsOf } from "@/lib/data/document-attachments";
import { listDocuments, readDocumentFile, saveDocumentFile } from "@/lib/data/documents";
import { dataVersions } from "@/lib/data/guidance-cache";
import { getGuidanceSettings, saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { readStoredParts, storeParts } from "@/lib/data/guidance-store";
import { commitImport } from "@/lib/data/imports";
import { listPeople } from "@/lib/data/people";
import { pushDevices, savePushSubscription } from "@/lib/data/push-subscriptions";
import { ownReminderChannels, saveNtfyChannel } from "@/lib/data/reminder-channels";
import { reminderSettingsOf, saveReminderSettings } from "@/lib/data/reminder-settings";
import { createSession, listSessions } from "@/lib/data/sessions";
import { getTwoFactor, savePendingTwoFactor } from "@/lib/data/two-factor";
import { createUser, setTimeZone } from "@/lib/data/users";
import { checkFileType } from "@/lib/documents/file-type";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { analyseImport } from "@/lib/import/analyse";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { DEFAULT_REMINDER_SETTINGS } from "@/lib/reminders/settings";
import { sampleApplications } from "@/lib/sample-data";
import { redirectLog } from "@/lib/security-log";

const NOW = new Date("2026-11-25T12:00:00Z");
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/import");
const PART = { queue: [], putAside: [], checkIn: null, changesAt: Infinity, readsOtherApplications: false, bytes: 64 };

export type Seeded = { users: { id: string; email: string; zone: string }[]; token: string };

async function importFixture(db: Db, userId: string, name: string, zone: string) {
  const bytes = readFileSync(path.join(FIXTURES, name));
  const analysed = await analyseImport({ bytes, options: {}, timeZone: zone, now: NOW });
  if (!analysed.ok) throw new Error(analysed.message);
  await commitImport(db, { userId, plan: planFromAnalysis(analysed.analysis, { name, hash: fileHash(bytes) }), now: NOW });
}

async function seedOne(db: Db, email: string, zone: string, tag: string): Promise<{ id: string; token: string }> {
  const user = await createUser(db, { name: tag, email, passwordHash: await hashPassword(`password of ${tag}`) });
  if (!user) throw new Error(`could not create ${email}`);
  const userId = user.id;
  await setTimeZone(db, { userId, timeZone: zone });
  await insertApplications(db, { userId, rows: sampleApplications(NOW, zone) });
  // Many applications written in one statement, at one instant: their order rests on the tie-breaks.
  await importFixture(db, userId, "huntr-board.csv", zone);
  await importFixture(db, userId, "linkedin-job-applications.csv", zone);

  const bytes = Buffer.from(`%PDF-1.7\n% ${tag}'s CV\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
  const type = checkFileType(bytes, "cv.pdf");
  if (!type.ok) throw new Error(type.message);
  const saved = await saveDocumentFile(db, { userId, kind: "cv", name: `${tag} CV`, file: { fileName: "cv.pdf", type: type.type, bytes }, quotaBytes: 1e9, now: NOW });
  if (!saved.ok) throw new Error("document not saved");
  const [first] = await listApplications(db, { userId });
  await attachVersion(db, { userId, versionId: saved.versionId, applicationId: first.id, roundId: null, now: NOW });

  await saveGuidanceSettings(db, { userId, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48 } });
  await saveReminderSettings(db, { userId, settings: { ...DEFAULT_REMINDER_SETTINGS, emailOn: true, quietFrom: 22, quietUntil: 7 }, now: NOW });
  await saveNtfyChannel(db, { userId, url: `https://ntfy.sh/${tag}-topic`, token: `ntfy-token-${tag}`, carries: "nudges", now: NOW });
  await savePushSubscription(db, { userId, subscription: { endpoint: `https://push.example/${tag}`, p256dh: "BKey", auth: "auth", deviceLabel: "Firefox on Linux" }, now: NOW });
  await createOrRegenerateCalendarFeed(db, { userId, now: NOW });
  await createSession(db, { userId, userAgent: "Mozilla/5.0", address: "10.0.0.1", now: NOW });
  await savePendingTwoFactor(db, { userId, secretSealed: `sealed-${tag}`, now: NOW });
  const versions = await dataVersions(db, { userId });
  const stamp = { reader: `${zone}||`, version: versions.version, sharedVersion: versions.sharedVersion, activeCount: 1, computedAt: NOW.getTime() };
  await storeParts(db, { userId, parts: new Map([[first.id, { stamp, part: PART }]]) });
  const token = await issueAccessToken(db, { userId, name: `${tag}'s script`, scope: "read", expiresAt: null, now: NOW, address: null });
  if (!token.ok) throw new Error("no token");
  return { id: userId, token: token.token };
}

async function seed(db: Db): Promise<Seeded> {
  const ana = await seedOne(db, "ana@example.com", "Europe/Berlin", "ana");
  const ben = await seedOne(db, "ben@example.com", "America/New_York", "ben");
  return {
    users: [
      { id: ana.id, email: "ana@example.com", zone: "Europe/Berlin" },
      { id: ben.id, email: "ben@example.com", zone: "America/New_York" },
    ],
    token: ana.token,
  };
}

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function answers(db: Db, seeded: Seeded) {
  const perUser = [];
  for (const { id: userId, zone } of seeded.users) {
    const applications = await listApplications(db, { userId });
    const documents = await listDocuments(db, { userId });
    const files = [];
    for (const version of documents.flatMap((d) => d.versions)) {
      const file = await readDocumentFile(db, { userId, versionId: version.id });
      files.push(file && { ...file, content: sha(file.content) });
    }
    const versions = await dataVersions(db, { userId });
    const parts = await readStoredParts(db, { userId, reader: `${zone}||`, sharedVersion: versions.sharedVersion, activeCount: 1, at: NOW.getTime() });
    const twoFactor = await getTwoFactor(db, { userId });
    perUser.push({
      export: await exportDocument(db, { userId, now: NOW }),
      applicationOrder: applications.map((a) => a.id),
      applications,
      documents,
      files,
      attachments: await attachmentsOf(db, { userId, applicationId: applications[0].id }),
      people: await listPeople(db, { userId }),
      guidanceSettings: await getGuidanceSettings(db, { userId }),
      reminderSettings: await reminderSettingsOf(db, { userId }),
      channels: await ownReminderChannels(db, { userId }),
      pushDevices: await pushDevices(db, { userId }),
      calendarFeed: await getCalendarFeed(db, { userId }),
      sessions: await listSessions(db, { userId, now: NOW }),
      tokens: await listAccessTokens(db, { userId }),
      twoFactor,
      versions,
      storedParts: [...parts.keys()],
    });
  }
  // Reads only: the answers are taken on SQLite before the copy.
  return perUser;
}

async function main() {
  // Standard output carries the JSON alone.
  redirectLog({ write: (line: string) => void process.stderr.write(line) });
  const [command, argument] = process.argv.slice(2);
  const { db, close } = await openConfigured();
  try {
    if (command === "seed") process.stdout.write(JSON.stringify(await seed(db)));
    else if (command === "answers") process.stdout.write(JSON.stringify(await answers(db, JSON.parse(argument) as Seeded)));
    else throw new Error(`unknown command ${command}`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
