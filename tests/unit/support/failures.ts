// What a write that failed says, on either engine. SQLite's driver throws
// its own message; on Postgres drizzle wraps the server's error ("Failed
// query: …") and keeps it as the cause, which is where its words are.

/** Everything a rejection says, its causes included; throws when the promise does not reject. */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const said: string[] = [];
    for (let at: unknown = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) said.push(at.message);
    return said.join("\n");
  }
  throw new Error("expected a failure, but it succeeded");
}

/** A broken constraint of each kind, in SQLite's words or in Postgres'. */
export const BROKEN = {
  foreignKey: /FOREIGN KEY constraint failed|violates foreign key constraint/,
  check: /CHECK constraint failed|violates check constraint/,
  unique: /UNIQUE constraint failed|violates unique constraint/,
};
