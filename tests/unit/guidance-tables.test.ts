import { beforeEach, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { guidanceOverview, type GuidanceOverview } from "@/lib/data/guidance";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { guidanceTables } from "@/lib/data/guidance-tables";
import { freshOverview, fromNow, NOW, thankYouOwed, type GuidanceUser } from "./support/guidance-data";
import { instantSql, rawRun } from "./support/raw-sql";
import { twoUsers } from "./support/rounds";
import { watchStatements } from "./support/statements";
import { dropTrigger, missingTriggers } from "./support/triggers";

// The cache's promise: a write to any table the guidance reads, by any
// path, recomputes exactly the applications it reaches, and nothing else.

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

/** The tables named by the SQL that `read` sends. */
async function tablesRead(read: () => Promise<unknown>): Promise<Set<string>> {
  const seen: string[] = [];
  await watchStatements(db, (source) => void seen.push(source), read);
  return new Set(seen.flatMap((s) => [...s.matchAll(/\b(?:from|join)\s+"(\w+)"/gi)].map((m) => m[1])));
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

  it("each has its insert, update and delete triggers in the schema", async () => {
    expect(await missingTriggers(db)).toEqual([]);
  });

  it("notices a dropped trigger", async () => {
    await dropTrigger(db, "round_interviewers_bump_version_on_insert", "round_interviewers");
    await dropTrigger(db, "round_interviewers_bump_version_on_delete", "round_interviewers");
    expect(await missingTriggers(db)).toEqual(["round_interviewers insert", "round_interviewers delete"]);
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
    const run = (query: SQL) => () => rawRun(db, query);
    const at = Math.floor(NOW.getTime() / 1000);
    await run(sql`insert into interviewers (id, user_id, name, match_key) values ('p1', ${ana.id}, 'Pat', 'pat')`)();
    await run(sql`insert into round_interviewers (user_id, round_id, interviewer_id) values (${ana.id}, ${a.round2}, 'p1'), (${ana.id}, ${b.round2}, 'p1')`)();

    const writes: [string, () => unknown, string[]][] = [
      ["applications insert", run(sql`insert into applications (id, user_id, company, role_title, status) values ('d1', ${ana.id}, 'Delta', 'Dev', 'rejected')`), []],
      ["applications update", run(sql`update applications set company = 'Initech' where id = ${A}`), [A]],
      ["rounds insert", run(sql`insert into rounds (id, user_id, application_id, kind, scheduled_at) values ('r9', ${ana.id}, ${A}, 'final', ${instantSql(new Date((at + 86_400) * 1000))})`), [A]],
      ["rounds update", run(sql`update rounds set notes = 'x' where id = ${b.round2}`), [B]],
      ["rounds delete", run(sql`delete from rounds where id = 'r9'`), [A]],
      ["round_signals insert", run(sql`insert into round_signals (user_id, round_id, signal) values (${ana.id}, ${c.round2}, 'met_team')`), [C]],
      ["round_signals update", run(sql`update round_signals set signal = 'constructive_feedback' where round_id = ${c.round2}`), [C]],
      ["round_signals delete", run(sql`delete from round_signals where round_id = ${c.round2}`), [C]],
      ["interviewers insert", run(sql`insert into interviewers (id, user_id, name, match_key) values ('p2', ${ana.id}, 'Sam', 'sam')`), []],
      ["round_interviewers insert", run(sql`insert into round_interviewers (user_id, round_id, interviewer_id) values (${ana.id}, ${c.round2}, 'p2')`), [C]],
      ["round_interviewers update", run(sql`update round_interviewers set position = 3 where interviewer_id = 'p2'`), [C]],
      ["round_interviewers delete", run(sql`delete from round_interviewers where interviewer_id = 'p2'`), [C]],
      ["interviewers update", run(sql`update interviewers set name = 'Pat Lee' where id = 'p1'`), [A, B].sort()],
      ["interviewers delete", run(sql`delete from interviewers where id = 'p1'`), [A, B].sort()],
      ["events insert", run(sql`insert into events (id, user_id, application_id, kind, occurred_at) values ('e1', ${ana.id}, ${B}, 'follow_up_sent', ${instantSql(new Date((at - 60) * 1000))})`), [B]],
      ["events update", run(sql`update events set occurred_at = ${instantSql(new Date((at - 120) * 1000))} where id = 'e1'`), [B]],
      ["events delete", run(sql`delete from events where id = 'e1'`), [B]],
      ["guidance_steps insert", run(sql`insert into guidance_steps (user_id, application_id, key, state) values (${ana.id}, ${C}, ${`send-thank-you:${c.round2}`}, 'dismissed')`), [C]],
      ["guidance_steps update", run(sql`update guidance_steps set state = 'snoozed', until = ${instantSql(new Date((at + 3600) * 1000))} where application_id = ${C}`), [C]],
      ["guidance_steps delete", run(sql`delete from guidance_steps where application_id = ${C}`), [C]],
      ["guidance_settings insert", run(sql`insert into guidance_settings (user_id, thank_you_window_hours, decision_wait_days, follow_up_spacing_days, move_on_follow_ups, prep_lead_days) values (${ana.id}, 24, 7, 7, 2, 2)`), all],
      ["guidance_settings update", run(sql`update guidance_settings set thank_you_window_hours = 48 where user_id = ${ana.id}`), all],
      ["guidance_settings delete", run(sql`delete from guidance_settings where user_id = ${ana.id}`), all],
      ["users.time_zone update, even to itself", run(sql`update users set time_zone = time_zone where id = ${ana.id}`), all],
      ["applications delete, not in play", run(sql`delete from applications where id = 'd1'`), []],
      // One fewer in play: B's and C's keep-searching steps say how many others there are.
      ["applications delete, in play", run(sql`delete from applications where id = ${A}`), all],
    ];
    for (const [what, write, expected] of writes) {
      const before = await guidanceOverview(db, { user: ana, now: NOW });
      const bens = await guidanceOverview(db, { user: ben, now: NOW });
      await write();
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
    await rawRun(db, sql`update rounds set thank_you_sent_at = ${instantSql(NOW)} where id = ${theirs.round2}`);
    await rawRun(db, sql`delete from applications where id = ${theirs.app.id}`);
    expect(await guidanceOverview(db, { user: ana, now: fromNow(1000) })).toBe(anas);
    expect((await guidanceOverview(db, { user: ben, now: NOW })).queue).toEqual([]);
  });
});
