/**
 * The Postgres triggers that keep user_data_versions and application_versions
 * current, generated from the list of tables the guidance reads
 * (lib/data/guidance-tables.ts, passed in: db/ does not import lib/).
 * `npm run db:triggers:postgres` writes them into their migration, and a
 * test holds that migration equal to what the list generates now.
 *
 * They are statement-level with transition tables (REFERENCING NEW/OLD
 * TABLE): a 20,000-row import bumps its user's version once, not 20,000
 * times. The one exception is a write to some columns only (users.time_zone):
 * Postgres allows no transition table with a column list, so that one is a
 * row trigger, on a table written one row at a time.
 */
export type VersionedTable = { name: string; reach: "application" | "round" | "person" | "user-wide"; columns?: readonly string[] };

const OPS = ["insert", "update", "delete"] as const;
type Op = (typeof OPS)[number];

/** The rows a statement touched: the transition tables of its kind of write. */
function touched(op: Op, column: string): string {
  if (op === "insert") return `SELECT ${column} FROM new_rows`;
  if (op === "delete") return `SELECT ${column} FROM old_rows`;
  return `SELECT ${column} FROM new_rows UNION SELECT ${column} FROM old_rows`;
}

/** Bump each touched user's version once; `also` are the columns set to the new version with it. */
function bump(users: string, also: readonly string[] = []): string {
  const columns = ["user_id", "version", ...also].join(", ");
  const values = ["1", ...also.map(() => "1")].join(", ");
  const set = ["version = v.version + 1", ...also.map((c) => `${c} = v.version + 1`)].join(", ");
  // Only users that still exist: a deleted user's cascades fire after the users trigger has dropped their counters.
  return `INSERT INTO user_data_versions AS v (${columns}) SELECT DISTINCT u.user_id, ${values} FROM (${users}) AS u (user_id) WHERE EXISTS (SELECT 1 FROM users WHERE users.id = u.user_id) ON CONFLICT (user_id) DO UPDATE SET ${set};`;
}

/** Stamp the applications whose ids `applications` selects with their user's new version. */
function stamp(applications: string): string {
  return `UPDATE application_versions AS a SET version = v.version FROM user_data_versions AS v WHERE v.user_id = a.user_id AND a.application_id IN (${applications});`;
}

/** What a write of `op` to `table` does, statement by statement. */
function body(table: VersionedTable, op: Op): string[] {
  const userId = table.name === "users" ? "id" : "user_id";
  const users = touched(op, userId);
  switch (table.reach) {
    case "user-wide":
      return [bump(users, ["shared_version"])];
    case "person":
      return [
        bump(users),
        stamp(`SELECT r.application_id FROM round_interviewers AS ri JOIN rounds AS r ON r.id = ri.round_id WHERE ri.interviewer_id IN (${touched(op, "id")})`),
      ];
    case "round":
      return [bump(users), stamp(`SELECT application_id FROM rounds WHERE id IN (${touched(op, "round_id")})`)];
    case "application":
      if (table.name !== "applications") return [bump(users), stamp(touched(op, "application_id"))];
      if (op === "insert") {
        return [
          bump(users),
          "INSERT INTO application_versions AS a (application_id, user_id, version) SELECT n.id, n.user_id, v.version FROM new_rows AS n JOIN user_data_versions AS v ON v.user_id = n.user_id ON CONFLICT (application_id) DO UPDATE SET user_id = excluded.user_id, version = excluded.version;",
        ];
      }
      if (op === "update") return [bump(users), stamp(touched(op, "id"))];
      // A deleted application's cached part must go: removed_version says since when.
      return [bump(users, ["removed_version"]), "DELETE FROM application_versions WHERE application_id IN (SELECT id FROM old_rows);"];
  }
}

function transitionTables(op: Op): string {
  if (op === "insert") return "REFERENCING NEW TABLE AS new_rows";
  if (op === "delete") return "REFERENCING OLD TABLE AS old_rows";
  return "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows";
}

/** `when` is what goes between the trigger's name and its table; `how` what follows the table. */
function functionAndTrigger(name: string, statements: readonly string[], when: string, table: string, how: string): string {
  return [
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${statements.map((s) => `  ${s}`).join("\n")}\n  RETURN NULL;\nEND\n$$;`,
    `DROP TRIGGER IF EXISTS ${name} ON ${table};`,
    `CREATE TRIGGER ${name} ${when} ON ${table} ${how} EXECUTE FUNCTION ${name}();`,
  ].join("\n--> statement-breakpoint\n");
}

/** A column-limited write, one row at a time: the row's own user, from NEW. */
function columnTrigger(table: VersionedTable): string {
  if (table.reach !== "user-wide" || table.name !== "users") throw new Error(`a column trigger is written for users' user-wide columns only, not ${table.name}`);
  const columns = (table.columns ?? []).join(", ");
  const name = `${table.name}_bump_version_on_${(table.columns ?? []).join("_")}`;
  const statements = [
    "INSERT INTO user_data_versions AS v (user_id, version, shared_version) VALUES (NEW.id, 1, 1) ON CONFLICT (user_id) DO UPDATE SET version = v.version + 1, shared_version = v.version + 1;",
  ];
  return functionAndTrigger(name, statements, `AFTER UPDATE OF ${columns}`, table.name, "FOR EACH ROW");
}

/** Deleting a user takes their counters with them (after the cascades have bumped them). */
const DROP_ON_USER_DELETE = functionAndTrigger(
  "users_drop_version_on_delete",
  [
    "DELETE FROM user_data_versions WHERE user_id IN (SELECT id FROM old_rows);",
    "DELETE FROM application_versions WHERE user_id IN (SELECT id FROM old_rows);",
  ],
  "AFTER DELETE",
  "users",
  "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT",
);

/** The whole migration: every trigger the list asks for, and the users' clean-up. */
export function versionTriggersSql(tables: readonly VersionedTable[]): string {
  const parts = tables.flatMap((table) =>
    table.columns
      ? [columnTrigger(table)]
      : OPS.map((op) =>
          functionAndTrigger(
            `${table.name}_bump_version_on_${op}`,
            body(table, op),
            `AFTER ${op.toUpperCase()}`,
            table.name,
            `${transitionTables(op)} FOR EACH STATEMENT`,
          ),
        ),
  );
  const header = "-- Generated by `npm run db:triggers:postgres` from lib/data/guidance-tables.ts (db/postgres/version-triggers.ts): do not edit.";
  return `${header}\n${[...parts, DROP_ON_USER_DELETE].join("\n--> statement-breakpoint\n")}\n`;
}
