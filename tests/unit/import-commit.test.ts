import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { commitImport, getImport, listImports } from "@/lib/data/imports";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { makeUser, testDb } from "./support/db";
import { analysed, fixture, importFile, NOW, ownedRows, summaryFor } from "./support/imports";
import { rawCount, rawGet, rawRows, refuseWrites } from "./support/raw-sql";
import { failureOf } from "./support/failures";

let db: Db;
let ana: { id: string };
let ben: { id: string };

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

const count = (table: string, userId: string) => rawCount(db, table, sql`user_id = ${userId}`);

describe("importing a file", () => {
  it("saves the new rows with their import, and the same file again adds nothing", async () => {
    const bytes = fixture("linkedin-job-applications.csv");
    const first = await importFile(db, ana.id, bytes, { name: "Job Applications.csv" });
    // Six rows: one repeats the first posting, one has an impossible date, one no company.
    expect(first).toMatchObject({ added: 3, duplicates: 1, problems: 2 });
    expect(first.importId).toEqual(expect.any(String));
    expect(await count("applications", ana.id)).toBe(3);
    const rows = (await rawRows(db, sql`select company, import_id from applications where user_id = ${ana.id} order by company`)) as { company: string; import_id: string }[];
    expect(rows.map((r) => r.company)).toEqual(["Acme Rockets", "Globex, Inc.", 'The "Quoted" Company']);
    expect(new Set(rows.map((r) => r.import_id))).toEqual(new Set([first.importId]));
    expect(await getImport(db, { userId: ana.id, importId: first.importId! })).toMatchObject({ fileName: "Job Applications.csv", format: "linkedin-applications", added: 3 });

    const second = await importFile(db, ana.id, bytes, { name: "Job Applications.csv" });
    expect(second).toMatchObject({ importId: null, added: 0, duplicates: 4 });
    expect(await count("applications", ana.id)).toBe(3);
    expect(await listImports(db, { userId: ana.id })).toHaveLength(1);
  });

  it("writes stage history and contacts as rounds, people and events, as logging them would", async () => {
    await importFile(db, ana.id, fixture("reactive-resume-tracker.csv"));
    const lumen = (await rawGet(db, sql`select id, status, archived_at from applications where company = 'Lumen'`)) as { id: string; status: string; archived_at: number | null };
    expect(lumen.status).toBe("offer");
    const rounds = await rawRows(db, sql`select id, kind, outcome from rounds where application_id = ${lumen.id} order by scheduled_at`);
    expect(rounds).toEqual([expect.objectContaining({ kind: "screen", outcome: "advanced" }), expect.objectContaining({ kind: "first", outcome: "offer" })]);
    const events = await rawRows(db, sql`select kind, status_before from events where application_id = ${lumen.id}`);
    expect(events).toEqual([{ kind: "offer_received", status_before: "interviewing" }]);
    const people = await rawRows(db, sql`select i.name, i.email from round_interviewers ri join interviewers i on i.id = ri.interviewer_id where ri.round_id = ${(rounds[1] as { id: string }).id} order by ri.position`);
    expect(people).toEqual([
      { name: "Ana Ruiz", email: "ana@lumen.example" },
      { name: "Bo Li", email: "bo@lumen.example" },
    ]);
    const umbrella = (await rawGet(db, sql`select status, archived_at from applications where company = 'Umbrella'`)) as { status: string; archived_at: number | null };
    expect(umbrella.status).toBe("rejected");
    expect(umbrella.archived_at).not.toBeNull();
  });

  it("is all or nothing: a fault halfway leaves no application, round, person or import behind", async () => {
    const analysis = await analysed(fixture("reactive-resume-tracker.csv"));
    const plan = planFromAnalysis(analysis, { name: "rr.csv", hash: "h" });
    const before = await ownedRows(db, ana.id);
    // A storage fault on the third round, after every application and two rounds with their people are written.
    const restore = await refuseWrites(db, { name: "fail_third", table: "rounds", op: "insert", when: "(select count(*) from rounds) >= 2", message: "disk I/O error" });
    expect(await failureOf(commitImport(db, { userId: ana.id, plan, now: NOW }))).toMatch(/disk I\/O error/);
    expect(await ownedRows(db, ana.id)).toEqual(before);
    await restore();
    expect((await commitImport(db, { userId: ana.id, plan, now: NOW })).added).toBe(3);
  });

  it("rolls back when the progress report fails mid-way, as a dropped connection would", async () => {
    const bytes = fixture("huntr-board.csv");
    const before = await ownedRows(db, ana.id);
    await expect(
      importFile(db, ana.id, bytes, {
        onProgress: (done) => {
          if (done > 0) throw new Error("gone");
        },
      }),
    ).rejects.toThrow("gone");
    expect(await ownedRows(db, ana.id)).toEqual(before);
  });

  it("keeps users apart: another user's applications are not duplicates, and nothing of theirs changes", async () => {
    const bytes = fixture("huntr-board.csv");
    await importFile(db, ana.id, bytes);
    const anasRows = await ownedRows(db, ana.id);
    const preview = await summaryFor(db, ben.id, await analysed(bytes));
    expect(preview.counts).toMatchObject({ fresh: 6, duplicates: 0 });
    const bens = await importFile(db, ben.id, bytes);
    expect(bens.added).toBe(6);
    expect(await ownedRows(db, ana.id)).toEqual(anasRows);
    expect(await listImports(db, { userId: ben.id })).toHaveLength(1);
    const [anasImport] = await listImports(db, { userId: ana.id });
    expect(await getImport(db, { userId: ben.id, importId: anasImport.id })).toBeUndefined();
  });

  it("two commits of one plan, as a double click sends, add it once", async () => {
    const bytes = fixture("teal-download.csv");
    const plan = planFromAnalysis(await analysed(bytes), { name: "teal.csv", hash: fileHash(bytes) });
    // Sent together: the second waits its turn, then finds every row already there.
    const [first, second] = await Promise.all([commitImport(db, { userId: ana.id, plan, now: NOW }), commitImport(db, { userId: ana.id, plan, now: NOW })]);
    expect(first.added).toBe(6);
    expect(second.added).toBe(0);
    expect(await count("applications", ana.id)).toBe(6);
  });
});
