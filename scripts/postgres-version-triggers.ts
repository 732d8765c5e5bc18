// Writes the Postgres version triggers, generated from lib/data/guidance-tables.ts,
// into their migration (db/migrations-postgres/*_version_triggers.sql). Run it after
// changing the list, as `npm run db:triggers:postgres`; a unit test fails until then.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_MIGRATIONS_FOLDER } from "../db/postgres/migrations-folder";
import { versionTriggersSql } from "../db/postgres/version-triggers";
import { guidanceTables } from "../lib/data/guidance-tables";

// The latest: a change to the list goes into a new migration (`npm run db:generate:postgres -- --custom --name version_triggers`), since applied ones never run again.
const file = readdirSync(POSTGRES_MIGRATIONS_FOLDER)
  .filter((name) => name.endsWith("_version_triggers.sql"))
  .sort()
  .at(-1);
if (!file) throw new Error(`no *_version_triggers.sql in ${POSTGRES_MIGRATIONS_FOLDER}`);
writeFileSync(path.join(POSTGRES_MIGRATIONS_FOLDER, file), versionTriggersSql(guidanceTables));
console.log(`wrote ${file}`);
