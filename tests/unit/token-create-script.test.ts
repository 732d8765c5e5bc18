// On SQLite in either run: this file is about the script on a SQLite file it is given (scripts on Postgres belong to their own tests).
import "./support/on-sqlite";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { checkAccessToken } from "@/lib/data/access-tokens";
import { makeUser } from "./support/db";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-token-cli-"));
const file = path.join(dir, "shortlist.db");
const env = { ...process.env, SHORTLIST_DB_PATH: file };

/** `npm run token:create` as an operator runs it, in its own process. */
const tokenCreate = (...args: string[]) =>
  run("npx", ["tsx", "--conditions=react-server", "scripts/token-create.ts", ...args], { env, cwd: path.resolve(import.meta.dirname, "../..") });

beforeAll(async () => {
  const opened = openDatabase(file);
  await makeUser(opened.db, "ops@example.com");
  opened.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run token:create", () => {
  it("prints a working token, and nothing else, on standard output", { timeout: 60_000 }, async () => {
    const { stdout, stderr } = await tokenCreate("--user", "OPS@example.com", "--scope", "write", "--name", "Nightly sync", "--days", "30");
    const token = stdout.trim();
    expect(token).toMatch(/^shl_[A-Za-z0-9_-]{43}$/);
    expect(stderr).toContain("read-and-write token “Nightly sync” for ops@example.com, expiring in 30 days");
    expect(stderr).toContain('"event":"token-created"');
    expect(stderr).not.toContain(token);
    const opened = openDatabase(file);
    try {
      const check = await checkAccessToken(opened.db, { token, now: new Date() });
      expect(check.ok && check.holder.token).toMatchObject({ scope: "write", name: "Nightly sync" });
    } finally {
      opened.close();
    }
  });

  it("refuses an unknown account or a bad scope with a line saying why, and makes nothing", { timeout: 60_000 }, async () => {
    await expect(tokenCreate("--user", "nobody@example.com", "--scope", "read")).rejects.toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining("No account uses nobody@example.com.") });
    await expect(tokenCreate("--user", "ops@example.com", "--scope", "admin")).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("Usage: npm run token:create") });
  });
});
