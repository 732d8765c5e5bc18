import path from "node:path";

export const POSTGRES_MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations-postgres");
