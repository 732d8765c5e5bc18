import Database from "better-sqlite3";
import { E2E_DB_PATH } from "../../../playwright.config";

/** Reads the server's throwaway database directly, to check what really changed. */
export function readDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_PATH, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

export function applicationRow(id: string): Record<string, unknown> | undefined {
  return readDb((db) => db.prepare("select * from applications where id = ?").get(id) as Record<string, unknown> | undefined);
}

export function applicationCount(email: string): number {
  return readDb(
    (db) =>
      (db.prepare("select count(*) n from applications a join users u on u.id = a.user_id where u.email = ?").get(email) as { n: number }).n,
  );
}
