import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { watchCommit, type CommitJob } from "@/app/(app)/import/run/commit-in-worker";
import { openPostgres } from "@/db/postgres/open";
import { checkAccessToken } from "@/lib/data/access-tokens";
import { countApplications } from "@/lib/data/applications";
import { findUserByEmail } from "@/lib/data/users";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { makeUser } from "../support/db";
import { analysed, FIXTURES, NOW } from "../support/imports";
import { queryOn, scratchDatabase } from "../support/postgres-scratch";
import { ROOT, runScript, scriptEnv, TSX } from "../support/scripts";

// The command-line tools and the import page's worker thread on Postgres:
// each opens DATABASE_URL (migrated, or only checked with
// SHORTLIST_MIGRATE=manual), does its work, and closes its pool so that it exits.

const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-pg-scripts-"));
const SHORTLIST_DB_PATH = path.join(dir, "data", "shortlist.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withDb<T>(url: string, work: (db: Awaited<ReturnType<typeof openPostgres>>["db"]) => Promise<T>): Promise<T> {
  const opened = await openPostgres(url, { migrate: "manual" });
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

describe("the scripts on Postgres", () => {
  it("with SHORTLIST_MIGRATE=manual, a command refuses an older schema until `npm run db:migrate` (the release step) has run", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: false });
    const env = { DATABASE_URL: url, SHORTLIST_DB_PATH, SHORTLIST_MIGRATE: "manual" };
    await expect(runScript("scripts/seed.ts", [], env)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("run `npm run db:migrate` with the same DATABASE_URL") });
    expect(await queryOn(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);

    const migrated = await runScript("scripts/migrate.ts", [], env);
    expect(migrated.stdout).toContain("Schema is up to date.");
    const seeded = await runScript("scripts/seed.ts", [], env);
    expect(seeded.stdout).toMatch(/Loaded 12 sample applications for demo@shortlist\.local into shortlist@127\.0\.0\.1:\d+\/shortlist_t_/);
    await withDb(url, async (db) => {
      const demo = await findUserByEmail(db, { email: "demo@shortlist.local" });
      expect((await countApplications(db, { userId: demo!.id })).total).toBe(12);
    });
  });

  it("data:import and data:export: a file in, the JSON export out, and that export into another account", { timeout: 180_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const env = { DATABASE_URL: url, SHORTLIST_DB_PATH };
    await withDb(url, async (db) => {
      await makeUser(db, "ana@example.com");
      await makeUser(db, "ben@example.com");
    });
    const imported = await runScript("scripts/data-import.ts", ["--user", "ana@example.com", path.join(FIXTURES, "huntr-board.csv")], env);
    const added = Number(imported.stdout.match(/Imported (\d+) applications into shortlist@/)?.[1]);
    expect(added).toBeGreaterThan(5);
    // The same file again: the de-duplication reads Postgres too.
    const again = await runScript("scripts/data-import.ts", ["--user", "ana@example.com", path.join(FIXTURES, "huntr-board.csv")], env);
    expect(again.stdout).toContain("Nothing new to import");

    const json = path.join(dir, "ana.json");
    const exported = await runScript("scripts/data-export.ts", ["--user", "ana@example.com", "--format", "json", json], env);
    expect(exported.stderr).toContain(`Wrote ${added} applications`);
    const document = JSON.parse(readFileSync(json, "utf8")) as { applications: { company: string }[] };
    expect(document.applications).toHaveLength(added);
    const csv = await runScript("scripts/data-export.ts", ["--user", "ana@example.com", "--format", "csv", "-"], env);
    // A header, then a record per application (notes may hold line breaks).
    expect(parse(csv.stdout, { bom: true })).toHaveLength(added + 1);

    await runScript("scripts/data-import.ts", ["--user", "ben@example.com", json], env);
    const bens = path.join(dir, "ben.json");
    await runScript("scripts/data-export.ts", ["--user", "ben@example.com", "--format", "json", bens], env);
    const companies = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { applications: { company: string }[] }).applications.map((a) => a.company).sort();
    expect(companies(bens)).toEqual(companies(json));
  });

  it("token:create and user:reset-password need AUTH_SECRET, and then work", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const ops = await withDb(url, (db) => makeUser(db, "ops@example.com"));
    await expect(runScript("scripts/token-create.ts", ["--user", "ops@example.com", "--scope", "read"], { DATABASE_URL: url, SHORTLIST_DB_PATH, AUTH_SECRET: "" })).rejects.toMatchObject({
      code: 1,
      stdout: "",
      stderr: expect.stringContaining("AUTH_SECRET must be set when DATABASE_URL points at Postgres"),
    });
    const { stdout } = await runScript("scripts/token-create.ts", ["--user", "ops@example.com", "--scope", "read"], { DATABASE_URL: url, SHORTLIST_DB_PATH });
    await withDb(url, async (db) => {
      const check = await checkAccessToken(db, { token: stdout.trim(), now: new Date() });
      expect(check.ok && check.holder.user.id).toBe(ops.id);
    });
    const reset = await runScript("scripts/reset-password.ts", ["ops@example.com"], { DATABASE_URL: url, SHORTLIST_DB_PATH, SHORTLIST_URL: "https://shortlist.example" });
    expect(reset.stdout.trim()).toMatch(/^https:\/\/shortlist\.example\/\S+$/);
    expect(await queryOn(url, "SELECT count(*)::int AS n FROM password_resets")).toEqual([{ n: 1 }]);
  });

  it("npm run worker runs the reminder scheduler on Postgres and stops cleanly on SIGTERM", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const child = spawn(TSX, ["--conditions=react-server", "scripts/worker.ts"], { cwd: ROOT, env: scriptEnv({ DATABASE_URL: url, SHORTLIST_DB_PATH }), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const firstPass = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("first pass done")) resolve();
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.once("exit", (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
    });
    try {
      await firstPass;
      expect(output).toMatch(/reminder worker running on shortlist@127\.0\.0\.1:\d+\/shortlist_t_/);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      expect((await exited)[0]).toBe(0);
      expect(output).toContain("reminder worker stopped");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("the import page's worker thread commits on its own connection to DATABASE_URL", { timeout: 120_000 }, async () => {
    const url = await scratchDatabase({ migrated: true });
    const ana = await withDb(url, (db) => makeUser(db, "ana@example.com"));
    const bytes = readFileSync(path.join(FIXTURES, "huntr-board.csv"));
    const plan = planFromAnalysis(await analysed(bytes), { name: "huntr-board.csv", hash: fileHash(bytes) });
    const entry = path.resolve("app/(app)/import/run/commit.worker.ts");
    const worker = new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, {
      eval: true,
      execArgv: ["--conditions=react-server"],
      env: { ...process.env, DATABASE_URL: url },
      workerData: { dbPath: SHORTLIST_DB_PATH, databaseUrl: url, userId: ana.id, plan, now: NOW } satisfies CommitJob,
    });
    const progress: number[] = [];
    const outcome = await watchCommit(worker, (done) => progress.push(done));
    expect(outcome.added).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(0);
    await withDb(url, async (db) => expect((await countApplications(db, { userId: ana.id })).total).toBe(outcome.added));
  });
});
