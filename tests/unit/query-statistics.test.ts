import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "@/db/open";

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
