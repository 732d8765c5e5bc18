import path from "node:path";

/** Where the SQLite file lives: SHORTLIST_DB_PATH, else ./data/shortlist.db. */
export function databasePath(): string {
  // Resolved at run time against the working directory, not traced at build.
  return path.resolve(/*turbopackIgnore: true*/ process.env.SHORTLIST_DB_PATH ?? path.join("data", "shortlist.db"));
}
