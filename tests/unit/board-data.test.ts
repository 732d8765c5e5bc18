import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication, setArchived } from "@/lib/data/applications";
import { boardColumns } from "@/lib/data/board";
import { createRound } from "@/lib/data/rounds";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { roundInput, twoUsers } from "./support/rounds";
import { instantMsSql, rawRun } from "./support/raw-sql";
import { isTransactionControl, watchStatements } from "./support/statements";

let db: Db;
let ana: { id: string };
let ben: { id: string };

const T0 = Date.parse("2026-11-01T09:00:00Z");
const NOW = new Date("2026-11-20T12:00:00Z");

/** An application whose last update was `minutes` after T0, so the order is known. */
async function app(userId: string, company: string, status: ApplicationStatus, minutes = 0) {
  const a = await createApplication(db, { userId, input: { company, roleTitle: "Engineer", status } });
  await rawRun(db, sql`update applications set updated_at = ${instantMsSql(new Date(T0 + minutes * 60_000))} where id = ${a.id}`);
  return a;
}

const column = async (userId: string, status: ApplicationStatus, limit?: number) => {
  const found = (await boardColumns(db, { userId, now: NOW, limit })).find((c) => c.status === status);
  if (!found) throw new Error(`no ${status} column`);
  return found;
};

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("boardColumns", () => {
  it("has every status as a column, in pipeline order, even when empty", async () => {
    const columns = await boardColumns(db, { userId: ana.id, now: NOW });
    expect(columns.map((c) => c.status)).toEqual([...APPLICATION_STATUSES]);
    expect(columns.every((c) => c.total === 0 && c.cards.length === 0)).toBe(true);
  });

  it("puts each application in its status's column, most recently updated first", async () => {
    await app(ana.id, "Old", "applied", 1);
    await app(ana.id, "New", "applied", 5);
    await app(ana.id, "Mid", "applied", 3);
    await app(ana.id, "Talking", "interviewing", 2);
    expect((await column(ana.id, "applied")).cards.map((c) => c.company)).toEqual(["New", "Mid", "Old"]);
    expect((await column(ana.id, "interviewing")).cards).toMatchObject([{ company: "Talking", roleTitle: "Engineer", status: "interviewing" }]);
    expect((await column(ana.id, "interviewing")).cards[0].updatedAt).toEqual(new Date(T0 + 2 * 60_000));
    expect(await column(ana.id, "saved")).toEqual({ status: "saved", total: 0, cards: [] });
  });

  it("caps each column at the limit but counts all of it", async () => {
    for (let i = 0; i < 7; i++) await app(ana.id, `Applied ${i}`, "applied", i);
    for (let i = 0; i < 2; i++) await app(ana.id, `Offer ${i}`, "offer", i);
    const applied = await column(ana.id, "applied", 3);
    expect(applied.total).toBe(7);
    expect(applied.cards.map((c) => c.company)).toEqual(["Applied 6", "Applied 5", "Applied 4"]);
    // The cap is per column: a short column is not cut by a long one.
    expect(await column(ana.id, "offer", 3)).toMatchObject({ total: 2, cards: [{ company: "Offer 1" }, { company: "Offer 0" }] });
  });

  it("leaves archived applications out of both the cards and the counts", async () => {
    await app(ana.id, "Kept", "screening", 1);
    const archived = await app(ana.id, "Archived", "screening", 2);
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    expect(await column(ana.id, "screening")).toMatchObject({ total: 1, cards: [{ company: "Kept" }] });
  });

  it("shows a user only their own applications", async () => {
    await app(ana.id, "Ana's", "applied", 1);
    await app(ana.id, "Ana's offer", "offer", 1);
    await app(ben.id, "Ben's", "applied", 2);
    const bens = await boardColumns(db, { userId: ben.id, now: NOW });
    expect(bens.flatMap((c) => c.cards.map((card) => card.company))).toEqual(["Ben's"]);
    expect(bens.reduce((n, c) => n + c.total, 0)).toBe(1);
    expect((await boardColumns(db, { userId: "no-such-user", now: NOW })).every((c) => c.total === 0 && c.cards.length === 0)).toBe(true);
  });

  it("gives each card its next interview: the soonest round after now, none when only past ones exist", async () => {
    const busy = await app(ana.id, "Busy", "interviewing", 1);
    const past = await app(ana.id, "Past only", "interviewing", 2);
    const none = await app(ana.id, "None", "interviewing", 3);
    const at = (iso: string) => roundInput({ scheduledAt: new Date(iso) });
    await createRound(db, { userId: ana.id, applicationId: busy.id, input: at("2026-11-19T10:00:00Z") });
    await createRound(db, { userId: ana.id, applicationId: busy.id, input: at("2026-11-27T15:00:00Z") });
    await createRound(db, { userId: ana.id, applicationId: busy.id, input: at("2026-11-24T09:30:00Z") });
    await createRound(db, { userId: ana.id, applicationId: past.id, input: at("2026-11-18T10:00:00Z") });
    const cards = new Map((await column(ana.id, "interviewing")).cards.map((c) => [c.company, c.nextInterviewAt]));
    expect(cards.get("Busy")).toEqual(new Date("2026-11-24T09:30:00Z"));
    expect(cards.get("Past only")).toBeNull();
    expect(cards.get("None")).toBeNull();
    expect(none.id).toBeTruthy();
  });

  it("reads the next interview from the user's own rounds only, in the same two queries", async () => {
    const anas = await app(ana.id, "Ana's", "interviewing", 1);
    await createRound(db, { userId: ana.id, applicationId: anas.id, input: roundInput({ scheduledAt: new Date("2026-11-25T10:00:00Z") }) });
    // Ben's round filed under Ana's application id is refused by the data layer, so plant one by hand:
    // the query must still not read it for Ana's card, nor show Ana's card to Ben.
    const bens = await app(ben.id, "Ben's", "interviewing", 1);
    await createRound(db, { userId: ben.id, applicationId: bens.id, input: roundInput({ scheduledAt: new Date("2026-11-21T10:00:00Z") }) });
    expect(await createRound(db, { userId: ben.id, applicationId: anas.id, input: roundInput({ scheduledAt: new Date("2026-11-21T08:00:00Z") }) })).toBeNull();
    expect((await column(ana.id, "interviewing")).cards).toMatchObject([{ company: "Ana's", nextInterviewAt: new Date("2026-11-25T10:00:00Z") }]);
    expect((await column(ben.id, "interviewing")).cards).toMatchObject([{ company: "Ben's", nextInterviewAt: new Date("2026-11-21T10:00:00Z") }]);
    const statements: string[] = [];
    await watchStatements(db, (source) => void (isTransactionControl(source) || statements.push(source)), () => boardColumns(db, { userId: ana.id, now: NOW }));
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});
