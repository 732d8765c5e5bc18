import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { caseInsensitiveOrder, containsText, inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import { write } from "@/db/write";
import { applicationListPage } from "@/lib/data/application-list";
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

  it("sorts the list by company that way, ties by last update then id", async () => {
    await companies([
      ["b", "acme"],
      ["a", "ACME"],
      ["c", "Beta"],
    ]);
    const page = await applicationListPage(db, { user: { id: userId, timeZone: "UTC" }, q: { sort: "company", page: 1, pageSize: 10 }, now: NOW });
    // Inserted in one write, the two ACMEs share an update time: the id decides.
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
      (await applicationListPage(db, { user: { id: userId, timeZone: "UTC" }, q: { sort: "applied", direction, page: 1, pageSize: 10 }, now: NOW })).rows.map((r) => r.id);
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
