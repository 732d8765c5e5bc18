import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.SHORTLIST_DB_PATH ?? "./data/shortlist.db" },
});
