import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open";
import { commitImport, getImport, listImports } from "@/lib/data/imports";
import { fileHash, planFromAnalysis } from "@/lib/import/plan";
import { makeUser } from "./support/db";
import { analysed, fixture, importFile, NOW, ownedRows, summaryFor } from "./support/imports";

let db: ReturnType<typeof openDatabase>["db"];
let sqlite: ReturnType<typeof openDatabase>["sqlite"];
let ana: { id: string };
let ben: { id: string };

beforeEach(async () => {
  ({ db, sqlite } = openDatabase(":memory:"));
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

const count = (table: string, userId: string) => (sqlite.prepare(`select count(*) n from ${table} where user_id = ?`).get(userId) as { n: number }).n;

describe("importing a file", () => {
  it("saves the new rows with their import, and the same file again adds nothing", async () => {
    const bytes = fixture("linkedin-job-applications.csv");
    const first = await importFile(db, ana.id, bytes, { name: "Job Applications.csv" });
    // Six rows: one repeats the first posting, one has an impossible date, one no company.
    expect(first).toMatchObject({ added: 3, duplicates: 1, problems: 2 });
    expect(first.importId).toEqual(expect.any(String));
    expect(count("applications", ana.id)).toBe(3);
    const rows = sqlite.prepare("select company, import_id from applications where user_id = ? order by company").all(ana.id) as { company: string; import_id: string }[];
    expect(rows.map((r) => r.company)).toEqual(["Acme Rockets", "Globex, Inc.", 'The "Quoted" Company']);
    expect(new Set(rows.map((r) => r.import_id))).toEqual(new Set([first.importId]));
    expect(await getImport(db, { userId: ana.id, importId: first.importId! })).toMatchObject({ fileName: "Job Applications.csv", format: "linkedin-applications", added: 3 });

    const second = await importFile(db, ana.id, bytes, { name: "Job Applications.csv" });
    expect(second).toMatchObject({ importId: null, added: 0, duplicates: 4 });
    expect(count("applications", ana.id)).toBe(3);
    expect(await listImports(db, { userId: ana.id })).toHaveLength(1);
  });

  it("writes stage history and contacts as rounds, people and events, as logging them would", async () => {
    await importFile(db, ana.id, fixture("reactive-resume-tracker.csv"));
    const lumen = sqlite.prepare("select id, status, archived_at from applications where company = 'Lumen'").get() as { id: string; status: string; archived_at: number | null };
    expect(lumen.status).toBe("offer");
    const rounds = sqlite.prepare("select id, kind, outcome from rounds where application_id = ? order by scheduled_at").all(lumen.id);
    expect(rounds).toEqual([expect.objectContaining({ kind: "screen", outcome: "advanced" }), expect.objectContaining({ kind: "first", outcome: "offer" })]);
    const events = sqlite.prepare("select kind, status_before from events where application_id = ?").all(lumen.id);
    expect(events).toEqual([{ kind: "offer_received", status_before: "interviewing" }]);
    const people = sqlite
      .prepare("select i.name, i.email from round_interviewers ri join interviewers i on i.id = ri.interviewer_id where ri.round_id = ? order by ri.position")
      .all((rounds[1] as { id: string }).id);
    expect(people).toEqual([
      { name: "Ana Ruiz", email: "ana@lumen.example" },
      { name: "Bo Li", email: "bo@lumen.example" },
    ]);
    const umbrella = sqlite.prepare("select status, archived_at from applications where company = 'Umbrella'").get() as { status: string; archived_at: number | null };
    expect(umbrella.status).toBe("rejected");
    expect(umbrella.archived_at).not.toBeNull();
  });

  it("is all or nothing: a fault halfway leaves no application, round, person or import behind", async () => {
    const analysis = await analysed(fixture("reactive-resume-tracker.csv"));
    const plan = planFromAnalysis(analysis, { name: "rr.csv", hash: "h" });
    const before = ownedRows(sqlite, ana.id);
    // A storage fault on the third round, after every application and two rounds with their people are written.
    sqlite.exec(`create trigger fail_third before insert on rounds when (select count(*) from rounds) >= 2
      begin select raise(abort, 'disk I/O error'); end`);
    await expect(commitImport(db, { userId: ana.id, plan, now: NOW })).rejects.toThrow(/disk I\/O error/);
    expect(ownedRows(sqlite, ana.id)).toEqual(before);
    sqlite.exec("drop trigger fail_third");
    expect((await commitImport(db, { userId: ana.id, plan, now: NOW })).added).toBe(3);
  });

  it("rolls back when the progress report fails mid-way, as a dropped connection would", async () => {
    const bytes = fixture("huntr-board.csv");
    const before = ownedRows(sqlite, ana.id);
    await expect(
      importFile(db, ana.id, bytes, {
        onProgress: (done) => {
          if (done > 0) throw new Error("gone");
        },
      }),
    ).rejects.toThrow("gone");
    expect(ownedRows(sqlite, ana.id)).toEqual(before);
  });

  it("keeps users apart: another user's applications are not duplicates, and nothing of theirs changes", async () => {
    const bytes = fixture("huntr-board.csv");
    await importFile(db, ana.id, bytes);
    const anasRows = ownedRows(sqlite, ana.id);
    const preview = await summaryFor(db, ben.id, await analysed(bytes));
    expect(preview.counts).toMatchObject({ fresh: 6, duplicates: 0 });
    const bens = await importFile(db, ben.id, bytes);
    expect(bens.added).toBe(6);
    expect(ownedRows(sqlite, ana.id)).toEqual(anasRows);
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
    expect(count("applications", ana.id)).toBe(6);
  });
});
