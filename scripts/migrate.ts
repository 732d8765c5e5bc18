import { engineKind } from "../db/engine-kind";
import { databasePath } from "../db/location";
import { openPostgres } from "../db/postgres/open";
import { describeUrl, explainPostgresStart } from "../db/postgres/startup";
import { DatabaseStartError, openCheckedDatabase } from "../db/startup-check";

/** Postgres: migrate under the same advisory lock the servers take, so it is safe while they start. */
async function migratePostgres(url: string): Promise<void> {
  console.log(`Migrating ${describeUrl(url)} ...`);
  try {
    const opened = await openPostgres(url, { migrate: "auto" });
    await opened.close();
    console.log("Schema is up to date.");
  } catch (error) {
    console.error(explainPostgresStart(url, error).message);
    process.exitCode = 1;
  }
}

function migrateSqlite(): void {
  const file = databasePath();
  console.log(`Migrating ${file} ...`);
  try {
    const { close } = openCheckedDatabase(file);
    close();
    console.log("Schema is up to date.");
  } catch (error) {
    if (!(error instanceof DatabaseStartError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (engineKind() === "postgres") void migratePostgres(process.env.DATABASE_URL ?? "");
else migrateSqlite();
