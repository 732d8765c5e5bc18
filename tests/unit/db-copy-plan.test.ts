import { getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { copyPlan, FILLED_BY_TRIGGERS } from "@/db/copy/plan";
import { openDatabase } from "@/db/open";

// `npm run db:copy` copies the tables db/copy/plan.ts lists, derived from
// db/schema: a table added to the schema or a migration but left out of the
// copy would be lost in every move to Postgres. (Postgres' own migrated tables
// are checked against the list in tests/unit/postgres/db-copy.test.ts.)

const planned = () => copyPlan().map((t) => t.name);

describe("db:copy's table list", () => {
  it("is every table SQLite's migrations make", () => {
    const { sqlite, close } = openDatabase(":memory:");
    try {
      const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'").all() as { name: string }[]).map((t) => t.name);
      expect([...planned()].sort()).toEqual(tables.sort());
    } finally {
      close();
    }
  });

  it("puts each table after the tables its foreign keys point at, and the trigger-filled counters last", () => {
    const plan = copyPlan();
    const at = new Map(plan.map((t, i) => [t.name, i]));
    let checked = 0;
    for (const [i, table] of plan.entries()) {
      for (const fk of getTableConfig(table.postgres).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (parent !== table.name) expect(at.get(parent), `${table.name} -> ${parent}`).toBeLessThan(i);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(plan.slice(-FILLED_BY_TRIGGERS.length).map((t) => t.name)).toEqual([...FILLED_BY_TRIGGERS]);
  });
});
