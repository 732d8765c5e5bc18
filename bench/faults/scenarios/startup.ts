// A database the server cannot use must stop the start: exit code 1 and one
// line saying what, which file and what to do, never a "Ready" server that
// answers 500s.
import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readFileSync, statSync, truncateSync, writeSync } from "node:fs";
import path from "node:path";
import { openCheckedDatabase } from "../../../db/startup-check";
import { startServer } from "../app-server";
import { check, sleep, type Context, type ScenarioResult } from "../scenario";
import { ms } from "../verify";

const NOBODY = 65534;

function healthyFile(file: string): void {
  const { sqlite, close } = openCheckedDatabase(file);
  try {
    sqlite.exec("create table ballast (b blob); with recursive n(i) as (select 1 union all select i + 1 from n where i < 60) insert into ballast select randomblob(4000) from n;");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    close();
  }
}

type Case = { label: string; file: string; says: RegExp; uid?: number };

export async function refusedStarts(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const dir = path.join(ctx.dir, "startup");
  mkdirSync(dir, { recursive: true });
  // The unprivileged server must reach the folder and make -wal/-shm files there.
  chmodSync(ctx.dir, 0o755);
  chmodSync(dir, 0o777);
  const good = path.join(dir, "good.db");
  healthyFile(good);

  const corrupt = path.join(dir, "corrupt.db");
  copyFileSync(good, corrupt);
  const fd = openSync(corrupt, "r+");
  writeSync(fd, Buffer.from("not a database header"), 0, 21, 0);
  closeSync(fd);
  const truncated = path.join(dir, "truncated.db");
  copyFileSync(good, truncated);
  truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
  const readOnly = path.join(dir, "read-only.db");
  copyFileSync(good, readOnly);
  chmodSync(readOnly, 0o444);
  const asRoot = process.getuid?.() === 0;
  const cases: Case[] = [
    { label: "corrupt header", file: corrupt, says: /is damaged or is not a SQLite database/ },
    { label: "truncated", file: truncated, says: /is damaged or is not a SQLite database/ },
    { label: asRoot ? "read-only (run as nobody)" : "read-only", file: readOnly, says: /^Shortlist can't start: the database .* is read-only/, ...(asRoot ? { uid: NOBODY } : {}) },
  ];

  const rows: string[][] = [];
  const verdicts: boolean[] = [];
  for (const c of cases) {
    const logFile = path.join(ctx.dir, `startup-${path.basename(c.file)}.log`);
    const t = performance.now();
    const server = startServer({ port: await ctx.port(), dbPath: c.file, logFile, uid: c.uid, timeoutMs: 30_000 });
    server.ready.catch(() => undefined);
    const exit = await Promise.race([server.exit, sleep(30_000).then(() => null)]);
    if (!exit) server.kill("SIGKILL");
    await sleep(100); // the log stream flushes
    // Each line is JSON (docs/logging.md); the refusal is the one whose message says so.
    const lines = readFileSync(logFile, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { message: string }).message)
      .filter((m) => m.startsWith("Shortlist can't start"));
    const ok = exit?.code === 1 && lines.length === 1 && lines[0].includes(c.file) && c.says.test(lines[0]);
    verdicts.push(ok);
    rows.push([c.label, exit ? String(exit.code) : "still running", ms(exit ? exit.at - t : Infinity), lines[0] ?? "(no line)"]);
  }
  return {
    name: "a database that cannot be used stops the start",
    table: [["file", "exit code", "exited after", "the one line"], ...rows],
    checks: cases.map((c, i) => check(`start-up: refuses a ${c.label} file with one line and exit code 1`, verdicts[i], rows[i][3])),
    seconds: (performance.now() - started) / 1000,
  };
}
