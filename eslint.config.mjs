import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A write is confirmed only after its commit: every change to the database
// goes through write(db, (tx) => …) (lib/data/write.ts). An autocommit
// `db.insert(…).returning().get()` hands back its row even when the commit
// fails on a full disk, which is how a saved application was once lost.
const WRITE_OUTSIDE_HELPER = "Write through write(db, (tx) => …) from lib/data/write.ts, and run each statement on its tx: an autocommit write can be confirmed although its commit failed.";
const writeRules = [
  { selector: "MemberExpression[object.name=/^(db|database)$/][property.name=/^(insert|update|delete|transaction|run)$/]", message: WRITE_OUTSIDE_HELPER },
  { selector: "MemberExpression[object.callee.name='getDb'][property.name=/^(insert|update|delete|transaction|run)$/]", message: WRITE_OUTSIDE_HELPER },
  { selector: "MemberExpression[property.name='$client']", message: "The raw connection bypasses write(): use the drizzle connection and write(db, (tx) => …)." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.ts", "instrumentation.ts", "db/seed.ts"],
    ignores: ["lib/data/write.ts"],
    rules: { "no-restricted-syntax": ["error", ...writeRules] },
  },
  {
    // The guidance engine stays pure: no framework, database or clock.
    files: ["lib/guidance/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-*", "drizzle-orm*", "@/db/*", "better-sqlite3", "node:*"] }],
    },
  },
]);
