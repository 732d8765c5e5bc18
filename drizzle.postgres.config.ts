import { defineConfig } from "drizzle-kit";

// The Postgres twin of drizzle.config.ts: `npm run db:generate:postgres` after a change to db/schema/postgres.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/postgres.ts",
  out: "./db/migrations-postgres",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/shortlist" },
});
