import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { guidanceOverview, type GuidanceOverview } from "@/lib/data/guidance";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { guidanceTables } from "@/lib/data/guidance-tables";
import { freshOverview, fromNow, NOW, thankYouOwed, type GuidanceUser } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";

// The cache's promise: a write to any table the guidance reads, by any
// path, recomputes exactly the applications it reaches, and nothing else.

let db: Db;
let sqlite: Database.Database;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

/** The tables named by the SQL that `read` prepares. */
async function tablesRead(read: () => Promise<unknown>): Promise<Set<string>> {
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    await read();
  } finally {
    sqlite.prepare = prepare;
  }
  return new Set(seen.flatMap((s) => [...s.matchAll(/\b(?:from|join)\s+"(\w+)"/gi)].map((m) => m[1])));
}

const OPS = ["insert", "update", "delete"] as const;

/** Each listed table's writes that have no trigger stamping the versions. */
function missingTriggers(raw: Database.Database): string[] {
  const triggers = raw.prepare("select tbl_name as t, sql from sqlite_master where type = 'trigger'").all() as { t: string; sql: string }[];
  const missing: string[] = [];
  for (const { name, columns } of guidanceTables) {
    for (const op of columns ? (["update"] as const) : OPS) {
      const has = triggers.some(
        ({ t, sql }) =>
          t === name &&
          sql.includes(`AFTER ${op.toUpperCase()}`) &&
          sql.includes("user_data_versions") &&
          (columns ?? []).every((c) => sql.includes(`OF \`${c}\``)),
      );
      if (!has) missing.push(`${name} ${op}`);
    }
  }
  return missing;
}

describe("the tables the guidance reads", () => {
  it("lists every table the loader's SQL names, for one application, a few and the dashboard", async () => {
    const { app } = await thankYouOwed(db, ana.id);
    const read = await tablesRead(async () => {
      await loadGuidanceInputs(db, { user: ana, scope: { applicationId: app.id } });
      await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true, applicationIds: [app.id] } });
      await loadGuidanceInputs(db, { user: ana, scope: { dashboard: true } });
    });
    const listed = new Set(guidanceTables.map((t) => t.name));
    expect([...read].filter((t) => !listed.has(t))).toEqual([]);
    // And nothing listed is stale: every table but users (read for the reader's zone, not here) is read.
    expect([...listed].filter((t) => t !== "users" && !read.has(t))).toEqual([]);
  });

  it("each has its insert, update and delete triggers in the schema", () => {
    expect(missingTriggers(sqlite)).toEqual([]);
  });

  it("notices a dropped trigger", () => {
    sqlite.exec("drop trigger round_interviewers_bump_version_on_insert; drop trigger round_interviewers_bump_version_on_delete");
    expect(missingTriggers(sqlite)).toEqual(["round_interviewers insert", "round_interviewers delete"]);
  });
});

/** The applications whose queue items are new objects (recomputed) or gone, between two overviews. */
function recomputed(before: GuidanceOverview, after: GuidanceOverview): string[] {
  const ids = new Set([...before.queue, ...after.queue].map((q) => q.applicationId));
  const items = (o: GuidanceOverview, id: string) => o.queue.filter((q) => q.applicationId === id);
  return [...ids].filter((id) => {
    const [a, b] = [items(before, id), items(after, id)];
    return a.length !== b.length || a.some((item, i) => item !== b[i]);
  }).sort();
}


describe("a write to a table the guidance reads, by raw SQL", () => {
  it("recomputes exactly the owner's applications it reaches, reuses the rest and every other user's", async () => {
    // Three applications each owing a thank-you; a person met at A's and B's second rounds.
    const a = await thankYouOwed(db, ana.id, { company: "Alpha" });
    const b = await thankYouOwed(db, ana.id, { company: "Beta" });
    const c = await thankYouOwed(db, ana.id, { company: "Gamma" });
    await thankYouOwed(db, ben.id);
    const [A, B, C] = [a.app.id, b.app.id, c.app.id];
    const all = [A, B, C].sort();
    const run = (sql: string, ...args: unknown[]) => () => sqlite.prepare(sql).run(...args);
    const at = Math.floor(NOW.getTime() / 1000);
    run("insert into interviewers (id, user_id, name, match_key) values ('p1', ?, 'Pat', 'pat')", ana.id)();
    run("insert into round_interviewers (user_id, round_id, interviewer_id) values (?, ?, 'p1'), (?, ?, 'p1')", ana.id, a.round2, ana.id, b.round2)();

    const writes: [string, () => unknown, string[]][] = [
      ["applications insert", run("insert into applications (id, user_id, company, role_title, status) values ('d1', ?, 'Delta', 'Dev', 'rejected')", ana.id), []],
      ["applications update", run("update applications set company = 'Initech' where id = ?", A), [A]],
      ["rounds insert", run("insert into rounds (id, user_id, application_id, kind, scheduled_at) values ('r9', ?, ?, 'final', ?)", ana.id, A, at + 86_400), [A]],
      ["rounds update", run("update rounds set notes = 'x' where id = ?", b.round2), [B]],
      ["rounds delete", run("delete from rounds where id = 'r9'"), [A]],
      ["round_signals insert", run("insert into round_signals (user_id, round_id, signal) values (?, ?, 'met_team')", ana.id, c.round2), [C]],
      ["round_signals update", run("update round_signals set signal = 'constructive_feedback' where round_id = ?", c.round2), [C]],
      ["round_signals delete", run("delete from round_signals where round_id = ?", c.round2), [C]],
      ["interviewers insert", run("insert into interviewers (id, user_id, name, match_key) values ('p2', ?, 'Sam', 'sam')", ana.id), []],
      ["round_interviewers insert", run("insert into round_interviewers (user_id, round_id, interviewer_id) values (?, ?, 'p2')", ana.id, c.round2), [C]],
      ["round_interviewers update", run("update round_interviewers set position = 3 where interviewer_id = 'p2'"), [C]],
      ["round_interviewers delete", run("delete from round_interviewers where interviewer_id = 'p2'"), [C]],
      ["interviewers update", run("update interviewers set name = 'Pat Lee' where id = 'p1'"), [A, B].sort()],
      ["interviewers delete", run("delete from interviewers where id = 'p1'"), [A, B].sort()],
      ["events insert", run("insert into events (id, user_id, application_id, kind, occurred_at) values ('e1', ?, ?, 'follow_up_sent', ?)", ana.id, B, at - 60), [B]],
      ["events update", run("update events set occurred_at = ? where id = 'e1'", at - 120), [B]],
      ["events delete", run("delete from events where id = 'e1'"), [B]],
      ["guidance_steps insert", run("insert into guidance_steps (user_id, application_id, key, state) values (?, ?, ?, 'dismissed')", ana.id, C, `send-thank-you:${c.round2}`), [C]],
      ["guidance_steps update", run("update guidance_steps set state = 'snoozed', until = ? where application_id = ?", at + 3600, C), [C]],
      ["guidance_steps delete", run("delete from guidance_steps where application_id = ?", C), [C]],
      ["guidance_settings insert", run("insert into guidance_settings (user_id, thank_you_window_hours, decision_wait_days, follow_up_spacing_days, move_on_follow_ups, prep_lead_days) values (?, 24, 7, 7, 2, 2)", ana.id), all],
      ["guidance_settings update", run("update guidance_settings set thank_you_window_hours = 48 where user_id = ?", ana.id), all],
      ["guidance_settings delete", run("delete from guidance_settings where user_id = ?", ana.id), all],
      ["users.time_zone update, even to itself", run("update users set time_zone = time_zone where id = ?", ana.id), all],
      ["applications delete, not in play", run("delete from applications where id = 'd1'"), []],
      // One fewer in play: B's and C's keep-searching steps say how many others there are.
      ["applications delete, in play", run("delete from applications where id = ?", A), all],
    ];
    for (const [what, write, expected] of writes) {
      const before = await guidanceOverview(db, { user: ana, now: NOW });
      const bens = await guidanceOverview(db, { user: ben, now: NOW });
      write();
      const after = await guidanceOverview(db, { user: ana, now: NOW });
      expect(after, what).not.toBe(before);
      expect(recomputed(before, after), what).toEqual(expected);
      expect(after, what).toEqual(await freshOverview(db, ana));
      expect(await guidanceOverview(db, { user: ben, now: NOW }), what).toBe(bens);
    }
    expect((await guidanceOverview(db, { user: ana, now: NOW })).queue.some((q) => q.applicationId === A)).toBe(false);
  });

  it("never lets another user's write touch the first user's parts", async () => {
    await thankYouOwed(db, ana.id);
    const theirs = await thankYouOwed(db, ben.id);
    const anas = await guidanceOverview(db, { user: ana, now: NOW });
    sqlite.prepare("update rounds set thank_you_sent_at = ? where id = ?").run(Math.floor(NOW.getTime() / 1000), theirs.round2);
    sqlite.prepare("delete from applications where id = ?").run(theirs.app.id);
    expect(await guidanceOverview(db, { user: ana, now: fromNow(1000) })).toBe(anas);
    expect((await guidanceOverview(db, { user: ben, now: NOW })).queue).toEqual([]);
  });
});
