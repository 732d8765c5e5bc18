import { afterAll } from "vitest";

// Imported first by a test file that is about SQLite itself (its pragmas,
// file locking, WAL, a full disk, better-sqlite3's errors): the whole file
// runs on SQLite, in `npm run test:unit:postgres` too. It must come before
// any import of @/db: the schema's tables are chosen once, when it loads,
// from DATABASE_URL.
const postgresUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;

afterAll(() => {
  if (postgresUrl !== undefined) process.env.DATABASE_URL = postgresUrl;
});
