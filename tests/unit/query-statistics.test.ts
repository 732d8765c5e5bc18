// On SQLite in either run: this file is about SQLite's query planner and its ANALYZE statistics.
import "./support/on-sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ONE_APPLICATIONS_ROUNDS = "select id from rounds where user_id = ? and application_id = ? order by scheduled_at, created_at, id";

it("after a reopen, one application's rounds are found through its index, not by walking all the user's rounds", () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-stats-"));
  const file = path.join(dir, "db.sqlite");
  const opened = openDatabase(file);
  const first = opened.sqlite;
  first.prepare("insert into users (id, email, name, password_hash) values ('u', 'u@example.com', 'U', 'x')").run();
  const app = first.prepare("insert into applications (id, user_id, company, role_title) values (?, 'u', 'Acme', 'Engineer')");
  const round = first.prepare("insert into rounds (id, user_id, application_id, kind, scheduled_at) values (?, 'u', ?, 'first', ?)");
  first.transaction(() => {
    for (let a = 0; a < 400; a++) {
      app.run(`a${a}`);
      for (let r = 0; r < 3; r++) round.run(`a${a}r${r}`, `a${a}`, 1_700_000_000 + a * 1000 + r);
    }
  })();
  const plan = (db: typeof first) => (db.prepare(`explain query plan ${ONE_APPLICATIONS_ROUNDS}`).all("u", "a7") as { detail: string }[]).map((r) => r.detail).join("; ");
  opened.close();

  const reopened = openDatabase(file);
  try {
    expect(plan(reopened.sqlite)).toMatch(/USING INDEX rounds_application_idx/);
  } finally {
    reopened.close();
  }
});

it("with no statistics yet, one application's signals and people are found through its rounds, not by walking the user's", async () => {
  const { db, sqlite } = openDatabase(":memory:");
  sqlite.prepare("insert into users (id, email, name, password_hash) values ('u', 'u@example.com', 'U', 'x')").run();
  const app = sqlite.prepare("insert into applications (id, user_id, company, role_title, status) values (?, 'u', 'Acme', 'Engineer', 'interviewing')");
  const round = sqlite.prepare("insert into rounds (id, user_id, application_id, kind, scheduled_at) values (?, 'u', ?, 'first', ?)");
  const signal = sqlite.prepare("insert into round_signals (user_id, round_id, signal) values ('u', ?, 'hiring_timeline')");
  const person = sqlite.prepare("insert into interviewers (id, user_id, name, match_key) values (?, 'u', 'Sam', ?)");
  const met = sqlite.prepare("insert into round_interviewers (user_id, round_id, interviewer_id, position) values ('u', ?, ?, 0)");
  sqlite.transaction(() => {
    for (let a = 0; a < 400; a++) {
      app.run(`a${a}`);
      round.run(`a${a}r`, `a${a}`, 1_700_000_000 + a * 1000);
      signal.run(`a${a}r`);
      person.run(`p${a}`, `sam ${a}`);
      met.run(`a${a}r`, `p${a}`);
    }
  })();
  const statements: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    statements.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  await loadGuidanceInputs(db, { user: { id: "u", timeZone: "UTC" }, scope: { applicationId: "a7" } });
  sqlite.prepare = prepare;
  const details = statements.filter((s) => /from "(round_signals|round_interviewers)"/.test(s));
  expect(details).toHaveLength(2);
  for (const source of details) {
    const nulls = Array.from(source.matchAll(/\?/g), () => null);
    const plan = (sqlite.prepare(`explain query plan ${source}`).all(...nulls) as { detail: string }[]).map((r) => r.detail);
    // The application's rounds first; then each round's rows by its key.
    expect(plan[0]).toMatch(/USING INDEX rounds_application_idx/);
  }
});
