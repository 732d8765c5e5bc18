import pg from "pg";
import { adminUrl, databaseUrl, PER_TEST_PREFIX, TEMPLATE } from "./postgres-url";

// Databases of their own for tests that hand an address to another process
// (a script, a worker): empty, or a copy of the migrated template. Dropped
// with the rest at the end of the run (their names start with PER_TEST_PREFIX).

let admin: pg.Pool | undefined;
let made = 0;

export async function scratchDatabase({ migrated }: { migrated: boolean }): Promise<string> {
  admin ??= new pg.Pool({ connectionString: adminUrl(), max: 1, allowExitOnIdle: true });
  const name = `${PER_TEST_PREFIX}scratch_${process.pid}_${Date.now().toString(36)}_${++made}`;
  await admin.query(`CREATE DATABASE ${name}${migrated ? ` TEMPLATE ${TEMPLATE}` : ""}`);
  return databaseUrl(adminUrl(), name);
}

/** One statement on `url`, on a connection of its own. */
export async function queryOn<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
