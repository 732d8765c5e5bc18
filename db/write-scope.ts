import type { Db } from "./sqlite/connections";

/** Whose data a write changes: a user's, or a `key` for writes that are no one user's (see db/write.ts). */
export type WriteScope = { userId: string } | { key: string };

/** A write's connection, inside its transaction; a Db like any other to the functions it calls. */
export type Tx = Db;
