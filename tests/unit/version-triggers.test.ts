import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { engineKind } from "@/db/engine-kind";
import { write } from "@/db/write";
import { applications, applicationVersions, userDataVersions } from "@/db/schema";
import { makeUser, testDb } from "./support/db";
import { rawRows } from "./support/raw-sql";
import { dropTrigger, missingTriggers } from "./support/triggers";

// The version triggers, on whichever engine the run uses (npm run test:unit,
// npm run test:unit:postgres): every table the guidance reads has its insert,
// update and delete triggers, and on Postgres one statement is one bump.

let db: Db;
beforeEach(() => {
  db = testDb();
});

async function versionOf(userId: string): Promise<number> {
  const rows = await rawRows<{ version: number }>(db, sql`select ${userDataVersions.version} as version from ${userDataVersions} where ${userDataVersions.userId} = ${userId}`);
  return Number(rows[0]?.version ?? 0);
}

describe("the version triggers", () => {
  it("cover every table the guidance reads, for every write", async () => {
    expect(await missingTriggers(db)).toEqual([]);
  });

  it("notice a dropped trigger", async () => {
    await dropTrigger(db, "round_interviewers_bump_version_on_insert", "round_interviewers");
    await dropTrigger(db, "round_interviewers_bump_version_on_delete", "round_interviewers");
    expect(await missingTriggers(db)).toEqual(["round_interviewers insert", "round_interviewers delete"]);
  });

  it("bump a user's version once per statement on Postgres, once per row on SQLite, and stamp every application", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    const before = await versionOf(ana.id);
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `app-${i}`, userId: ana.id, company: `Company ${i}`, roleTitle: "Engineer" }));
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.insert(applications).values(rows);
    });
    const after = await versionOf(ana.id);
    expect(after - before).toBe(engineKind() === "postgres" ? 1 : rows.length);
    const stamped = await db.select({ version: applicationVersions.version }).from(applicationVersions).where(sql`${applicationVersions.userId} = ${ana.id}`);
    expect(stamped).toHaveLength(rows.length);
    expect(stamped.every((s) => Number(s.version) > before)).toBe(true);
    expect(await versionOf(ben.id)).toBe(0);

    // One update of every row: one more bump on Postgres.
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.update(applications).set({ notes: "x" }).where(sql`${applications.userId} = ${ana.id}`);
    });
    expect((await versionOf(ana.id)) - after).toBe(engineKind() === "postgres" ? 1 : rows.length);
  });

  it("drop a deleted user's counters", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.insert(applications).values({ id: "a1", userId: ana.id, company: "Acme", roleTitle: "Engineer" });
    });
    expect(await versionOf(ana.id)).toBeGreaterThan(0);
    await rawRows(db, sql`delete from users where id = ${ana.id} returning id`);
    expect(await versionOf(ana.id)).toBe(0);
    expect(await db.select().from(applicationVersions)).toEqual([]);
  });
});
