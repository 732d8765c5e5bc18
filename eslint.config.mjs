import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A write is confirmed only after its commit: every change to the database
// goes through write(db, scope, async (tx) => …) (db/write.ts). An autocommit
// `db.insert(…).returning()` hands back its row even when the commit fails
// on a full disk, which is how a saved application was once lost.
const WRITE_OUTSIDE_HELPER = "Write through write(db, scope, async (tx) => …) from db/write.ts, and run each statement on its tx: an autocommit write can be confirmed although its commit failed.";
const writeRules = [
  { selector: "MemberExpression[object.name=/^(db|database)$/][property.name=/^(insert|update|delete|transaction|run)$/]", message: WRITE_OUTSIDE_HELPER },
  { selector: "MemberExpression[object.callee.name='getDb'][property.name=/^(insert|update|delete|transaction|run)$/]", message: WRITE_OUTSIDE_HELPER },
  { selector: "MemberExpression[property.name='$client']", message: "The raw connection bypasses write(): use the drizzle connection and write(db, scope, async (tx) => …)." },
];
// The data layer is engine-neutral (../shared/docs/data-layer.md): queries are
// awaited, never run with the synchronous driver's own calls, and only db/
// knows which engine runs.
const syncQueryRule = {
  selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]",
  message: "Await the query instead: `.get()`, `.all()` and `.run()` are the synchronous SQLite driver's, and lib/ and app/ do not know the engine.",
};
const ENGINE_MODULES = "Only db/ knows the database engine: import the Db type from @/db/open and write/snapshot from @/db/write.";
const engineImports = {
  paths: ["better-sqlite3", "pg"].map((name) => ({ name, message: ENGINE_MODULES })),
  patterns: [{ group: ["drizzle-orm/better-sqlite3*", "drizzle-orm/sqlite-core*", "drizzle-orm/node-postgres*", "drizzle-orm/pg-core*"], message: ENGINE_MODULES }],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "instrumentation.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...writeRules, syncQueryRule],
      "no-restricted-imports": ["error", engineImports],
    },
  },
  {
    files: ["scripts/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...writeRules] },
  },
  {
    // Every query is a promise now: one not awaited runs after the page or the
    // transaction that wanted it, or fails where nobody hears it.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts", "instrumentation.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // The guidance engine stays pure: no framework, database or clock.
    files: ["lib/guidance/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-*", "drizzle-orm*", "@/db/*", "better-sqlite3", "node:*"] }],
    },
  },
]);
