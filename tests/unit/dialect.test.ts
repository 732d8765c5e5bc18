import { and, asc, eq, lt } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { caseInsensitiveOrder, containsText, inList, skippingLockedRows } from "@/db/dialect";
import { engineKind } from "@/db/engine-kind";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import { write } from "@/db/write";
import { applicationListPage } from "@/lib/data/application-list";
import { applicationCounts, recentApplications } from "@/lib/data/applications";
import { documentBytesUsed } from "@/lib/data/documents";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";

// What db/dialect.ts's helpers answer, pinned on SQLite: the Postgres forms must give the same.

let db: Db;
let userId: string;

/** Applications with these companies, under ids chosen by the test (so ties break in a known order). */
async function companies(rows: [id: string, company: string, appliedOn?: string][]) {
  await write(db, { userId }, async (tx) => {
    for (const [id, company, appliedOn] of rows) {
      await tx.insert(applications).values({ id, userId, company, roleTitle: "Engineer", status: "applied", appliedOn });
    }
  });
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeEach(async () => {
  db = testDb();
  userId = (await makeUser(db, "ana@example.com")).id;
});

describe("containsText", () => {
  const found = async (needle: string) =>
    ids(
      await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), containsText(applications.company, needle)))
        .orderBy(asc(applications.id)),
    );

  it("ignores the case of ASCII letters only", async () => {
    await companies([
      ["a", "ACME Corp"],
      ["b", "acme corp"],
      ["c", "Émile & Co"],
      ["d", "émile & co"],
      ["e", "Straße GmbH"],
    ]);
    expect(await found("Acme")).toEqual(["a", "b"]);
    expect(await found("CORP")).toEqual(["a", "b"]);
    // Non-ASCII letters match only as typed: É is not é.
    expect(await found("Émile")).toEqual(["c"]);
    expect(await found("émile")).toEqual(["d"]);
    expect(await found("MILE")).toEqual(["c", "d"]);
    expect(await found("STRASSE")).toEqual([]);
    expect(await found("straße")).toEqual(["e"]);
  });

  it("reads %, _ and backslash as themselves, and finds nothing in a null column", async () => {
    await companies([
      ["a", "100% Remote"],
      ["b", "1000 Remote"],
      ["c", "snake_case"],
      ["d", "snakeXcase"],
      ["e", "back\\slash"],
    ]);
    expect(await found("100%")).toEqual(["a"]);
    expect(await found("e_c")).toEqual(["c"]);
    expect(await found("\\")).toEqual(["e"]);
    const byLocation = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.userId, userId), containsText(applications.location, "")));
    expect(byLocation).toEqual([]);
  });
});

describe("caseInsensitiveOrder", () => {
  it("folds A-Z only, compares bytes otherwise, and leaves ties to the tie-break", async () => {
    await companies([
      ["id-3", "apple"],
      ["id-1", "Apple"],
      ["id-2", "APPLE"],
      ["id-4", "Zebra"],
      ["id-5", "_under"],
      ["id-6", "Éclair"],
      ["id-7", "banana"],
      ["id-8", "[bracket"],
    ]);
    const rows = await db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.userId, userId))
      .orderBy(asc(caseInsensitiveOrder(applications.company)), asc(applications.id));
    // Folded to lower case, "[" (0x5B) and "_" (0x5F) come before "a" (0x61); "É" (0xC3 0x89) after "z".
    expect(ids(rows)).toEqual(["id-8", "id-5", "id-1", "id-2", "id-3", "id-7", "id-4", "id-6"]);
  });

  it("sorts the list by company that way, ties by id", async () => {
    await companies([
      ["b", "acme"],
      ["a", "ACME"],
      ["c", "Beta"],
    ]);
    const page = await applicationListPage(db, { user: { id: userId, timeZone: "UTC" }, q: { sort: "company", pageSize: 10 }, now: NOW });
    // The two ACMEs tie: the id decides.
    expect(page.rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});

describe("the list's date and excitement sorts", () => {
  it("put the undated last whichever way round", async () => {
    await companies([
      ["a", "A", "2026-01-02"],
      ["b", "B"],
      ["c", "C", "2026-01-01"],
    ]);
    const sorted = async (direction: "asc" | "desc") =>
      (await applicationListPage(db, { user: { id: userId, timeZone: "UTC" }, q: { sort: "applied", direction, pageSize: 10 }, now: NOW })).rows.map((r) => r.id);
    expect(await sorted("asc")).toEqual(["c", "a", "b"]);
    expect(await sorted("desc")).toEqual(["a", "c", "b"]);
  });
});

describe("inList", () => {
  it("takes more ids than SQLite has variables (32,766) as one parameter", async () => {
    await companies([
      ["x", "X"],
      ["y", "Y"],
    ]);
    const many = Array.from({ length: 40_000 }, (_, i) => `missing-${i}`).concat(["y"]);
    const rows = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.userId, userId), inList(applications.id, many)));
    expect(ids(rows)).toEqual(["y"]);
    expect(await db.select({ id: applications.id }).from(applications).where(inList(applications.id, []))).toEqual([]);
  });
});

describe("what every engine must answer alike", () => {
  it("counts and sums are numbers", async () => {
    await companies([
      ["a", "A"],
      ["b", "B"],
    ]);
    const counts = await applicationCounts(db, { userId });
    expect(counts).toEqual({ total: 2, archived: 0, byStatus: { applied: 2 } });
    expect(typeof counts.total).toBe("number");
    expect(await documentBytesUsed(db, { userId })).toBe(0);
  });

  it("a time in whole seconds is stored floored to the second, and compared that way", async () => {
    const at = new Date("2026-03-14T09:30:00.900Z");
    await write(db, { userId }, async (tx) => {
      await tx.insert(applications).values({ id: "a", userId, company: "A", roleTitle: "R", status: "applied", archivedAt: at });
    });
    const [row] = await db.select({ archivedAt: applications.archivedAt }).from(applications).where(eq(applications.id, "a"));
    expect(row?.archivedAt?.toISOString()).toBe("2026-03-14T09:30:00.000Z");
    // The bound value is floored too: 09:30:00.900 is not after 09:30:00.
    const later = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.userId, userId), lt(applications.archivedAt, at)));
    expect(later).toEqual([]);
  });

  it("of applications updated in the same instant, the recent list shows the one added last first", async () => {
    const updatedAt = new Date("2026-03-14T09:30:00.000Z");
    await write(db, { userId }, async (tx) => {
      for (const id of ["m-1", "z-2", "a-3"]) await tx.insert(applications).values({ id, userId, company: id, roleTitle: "R", status: "applied", updatedAt });
    });
    // Added m, z, a: by id either way round would give another order.
    expect((await recentApplications(db, { userId, limit: 5 })).map((r) => r.id)).toEqual(["a-3", "z-2", "m-1"]);
  });
});

describe("skippingLockedRows", () => {
  const query = (tx: Db) => tx.select({ id: applications.id }).from(applications).where(eq(applications.userId, userId)).orderBy(asc(applications.id)).limit(2);

  it("takes the rows for the write on Postgres and leaves SQLite's query as it is, answering the same rows", async () => {
    await companies([["b", "Beta"], ["a", "Acme"], ["c", "Gamma"]]);
    const taken = await write(db, { userId }, async (tx) => {
      const locked = skippingLockedRows(query(tx), applications);
      const text = locked.toSQL().sql.toLowerCase();
      if (engineKind() === "postgres") expect(text).toMatch(/ for update skip locked$/);
      else expect(text).toBe(query(tx).toSQL().sql.toLowerCase());
      return ids(await locked);
    });
    expect(taken).toEqual(["a", "b"]);
  });
});
