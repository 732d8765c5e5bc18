import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRES_MIGRATIONS_FOLDER } from "@/db/postgres/migrations-folder";
import { versionTriggersSql } from "@/db/postgres/version-triggers";
import { guidanceTables } from "@/lib/data/guidance-tables";

// The Postgres triggers come from the same list as the cache's reach: the
// latest version-triggers migration must be exactly what the list generates.

const latest = readdirSync(POSTGRES_MIGRATIONS_FOLDER)
  .filter((name) => name.endsWith("_version_triggers.sql"))
  .sort()
  .at(-1);

describe("the Postgres version triggers migration", () => {
  it("is what lib/data/guidance-tables.ts generates (else run npm run db:triggers:postgres)", () => {
    expect(latest).toBeDefined();
    expect(readFileSync(path.join(POSTGRES_MIGRATIONS_FOLDER, latest ?? ""), "utf8")).toBe(versionTriggersSql(guidanceTables));
  });

  it("has a statement-level trigger with transition tables per table and write, and a row trigger for a column list", () => {
    const sql = versionTriggersSql(guidanceTables);
    for (const { name, columns } of guidanceTables.filter((t) => !t.columns)) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        expect(sql, `${name} ${op}`).toMatch(new RegExp(`CREATE TRIGGER ${name}_bump_version_on_\\w+ AFTER ${op} ON ${name} REFERENCING .* FOR EACH STATEMENT`));
      }
      expect(columns).toBeUndefined();
    }
    expect(sql).toContain("AFTER UPDATE OF time_zone ON users FOR EACH ROW");
  });

  it("changes when the list does", () => {
    const fewer = guidanceTables.filter((t) => t.name !== "events");
    expect(versionTriggersSql(fewer)).not.toContain("ON events");
    expect(versionTriggersSql(guidanceTables)).toContain("ON events");
  });
});
