import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { engineKind } from "@/db/engine-kind";
import { openDatabase, type Db } from "@/db/open";
import { saveReminderSettings } from "@/lib/data/reminder-settings";
import { DEFAULT_REMINDER_SETTINGS } from "@/lib/reminders/settings";
import { makeUser, testDb } from "./support/db";
import { addRound, HOUR, newApp } from "./support/guidance-data";
import { databaseOf } from "./support/postgres-servers";
import { adminUrl, databaseUrl } from "./support/postgres-url";
import { startSmtp } from "./support/smtp";

// Real processes on one database (a file on SQLite; under
// test:unit:postgres, the run's Postgres, which each worker reaches through
// DATABASE_URL with a pool of its own), each running the scheduler as
// `npm run worker` does (the same startReminders the server's
// instrumentation calls), on the real clock, sending to a real SMTP server.

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

type Worker = { child: ChildProcess; output: () => string; firstPass: Promise<string> };

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(TSX, ["--conditions=react-server", "scripts/worker.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const firstPass = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.includes("first pass done"));
      if (line) resolve(line);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before its first pass:\n${output}`)));
  });
  workers.push(child);
  return { child, output: () => output, firstPass };
}

/** SIGTERM, and the worker's own word that it stopped cleanly. */
async function stop(worker: Worker): Promise<number | null> {
  const exited = once(worker.child, "exit");
  worker.child.kill("SIGTERM");
  const [code] = (await exited) as [number | null];
  return code;
}

const workers: ChildProcess[] = [];
let dir: string;
afterEach(() => {
  for (const child of workers.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A database of the engine this run tests, and how a worker process is pointed at it. */
async function emptyDatabase(): Promise<{ db: Db; env: Record<string, string>; close: () => void }> {
  if (engineKind() === "postgres") {
    const db = testDb();
    return { db, env: { DATABASE_URL: databaseUrl(adminUrl(), await databaseOf(db)) }, close: () => undefined };
  }
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-reminders-"));
  const file = path.join(dir, "shortlist.db");
  const { db, close } = openDatabase(file);
  return { db, env: { SHORTLIST_DB_PATH: file }, close };
}

/**
 * A database with one account (zone UTC, no quiet hours, email carrying
 * the nudges only, so nothing depends on the hour the test runs at): an
 * interview an hour from now, and a round that ended five hours ago with no
 * thank-you. Two reminders are due. The worker's environment for it.
 */
async function databaseWithTwoDue(): Promise<Record<string, string>> {
  const { db, env, close } = await emptyDatabase();
  const ana = await makeUser(db, "ana@example.com");
  const now = Date.now();
  const app = await newApp(db, ana.id, { company: "Acme", status: "interviewing" });
  await addRound(db, ana.id, app.id, { scheduledAt: new Date(Math.floor((now - 6 * HOUR) / 1000) * 1000) });
  await addRound(db, ana.id, app.id, { kind: "second", scheduledAt: new Date(Math.floor((now + HOUR) / 1000) * 1000) });
  await saveReminderSettings(db, { userId: ana.id, settings: { ...DEFAULT_REMINDER_SETTINGS, emailCarries: "nudges", quietFrom: 0, quietUntil: 0 }, now: new Date(now) });
  close();
  return env;
}

describe("each reminder email is delivered once, by real processes on one database", () => {
  it("across a restart: the second process sends nothing the first one sent", async () => {
    const smtp = await startSmtp();
    try {
      const env = { ...(await databaseWithTwoDue()), SHORTLIST_SMTP_URL: smtp.url, SHORTLIST_URL: "http://127.0.0.1:3000" };
      const first = startWorker(env);
      expect(await first.firstPass).toContain("2 new, 2 sent, 0 failed");
      expect(await stop(first)).toBe(0);
      expect(first.output()).toContain("reminder worker stopped");
      const second = startWorker(env);
      expect(await second.firstPass).toContain("0 new, 0 sent, 0 failed");
      expect(await stop(second)).toBe(0);
      const subjects = smtp.mails.map((m) => m.header("Subject") ?? "").sort();
      expect(subjects).toHaveLength(2);
      expect(subjects[0]).toMatch(/^Interview at .+: Acme$/);
      expect(subjects[1]).toBe("Thank-you owed: Acme");
      expect(new Set(smtp.mails.map((m) => m.header("Message-ID"))).size).toBe(2);
    } finally {
      await smtp.close();
    }
  });

  it("with two schedulers started together: two messages in all", async () => {
    const smtp = await startSmtp();
    try {
      const env = { ...(await databaseWithTwoDue()), SHORTLIST_SMTP_URL: smtp.url, SHORTLIST_URL: "http://127.0.0.1:3000" };
      const a = startWorker(env);
      const b = startWorker(env);
      const lines = await Promise.all([a.firstPass, b.firstPass]);
      await Promise.all([stop(a), stop(b)]);
      expect(smtp.mails).toHaveLength(2);
      expect(new Set(smtp.mails.map((m) => m.header("Message-ID"))).size).toBe(2);
      // Between them they recorded and sent each reminder once, whichever got there first.
      const counts = lines.map((l) => l.match(/(\d+) new, (\d+) sent/)?.slice(1).map(Number) ?? [0, 0]);
      expect(counts[0][0] + counts[1][0]).toBe(2);
      expect(counts[0][1] + counts[1][1]).toBe(2);
    } finally {
      await smtp.close();
    }
  });
});
