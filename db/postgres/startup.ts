import { touchHealthProbe } from "../health";
import { DatabaseStartError } from "../startup-check";
import { postgresFailureOf } from "./errors";
import { migrateMode, openPostgres, SchemaBehindError, type OpenedPostgres } from "./open";

/** Where the database is, for a message: never the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    return `${user}${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "(an address that is not a URL)";
  }
}

const detailOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${code}: ${message}` : message;
};

/** One line: what is wrong with the database at `url`, and what to do. */
export function explainPostgresStart(url: string, error: unknown): DatabaseStartError {
  const where = describeUrl(url);
  const why = detailOf(error instanceof Error && error.cause instanceof Error && !(error as { code?: unknown }).code ? error.cause : error);
  if (error instanceof SchemaBehindError) return new DatabaseStartError(`Shortlist can't start: at ${where}, ${error.message}.`, { cause: error });
  const code = postgresFailureOf(error)?.code ?? "";
  const line = (what: string, todo: string) => new DatabaseStartError(`Shortlist can't start: ${what} (${why}). ${todo}.`, { cause: error });
  if (code.startsWith("28")) return line(`the database server refused the credentials for ${where}`, "Check the user and password in DATABASE_URL");
  if (code === "3D000") return line(`the database ${where} does not exist`, "Create it (createdb), or correct DATABASE_URL");
  const kind = postgresFailureOf(error)?.kind;
  if (kind === "connection-lost" || kind === "busy") {
    return line(`the database server for ${where} could not be reached`, "Check that it is running and that DATABASE_URL names it, then start again");
  }
  if (kind) return line(`the database ${where} could not be used (${kind})`, "Check the database server and its log, then start again");
  return line(`preparing the database ${where} failed`, "Check the database server and its log, or report the problem with this line");
}

/** With Postgres there is no data folder to keep a generated secret in, and every server must share one. */
export function requireAuthSecret(env: NodeJS.ProcessEnv = process.env): void {
  if (env.AUTH_SECRET?.trim()) return;
  throw new DatabaseStartError(
    "Shortlist can't start: AUTH_SECRET must be set when DATABASE_URL points at Postgres (every server must share it, and there is no data folder to keep a generated one in). Set it to the same long random string on every server, such as the output of `openssl rand -base64 33`.",
  );
}

/**
 * The server's database on Postgres, proven usable before anyone is served:
 * AUTH_SECRET is set, the server answers and takes the credentials, the
 * schema is current (migrated here, or checked with SHORTLIST_MIGRATE=manual),
 * and a write commits. Any failure is one line, as a DatabaseStartError.
 */
export async function openCheckedPostgres(url: string, now = new Date()): Promise<OpenedPostgres> {
  requireAuthSecret();
  let opened: OpenedPostgres | undefined;
  try {
    opened = await openPostgres(url, { migrate: migrateMode() });
    await touchHealthProbe(opened.db, now);
    return opened;
  } catch (error) {
    await opened?.close().catch(() => undefined);
    throw error instanceof DatabaseStartError ? error : explainPostgresStart(url, error);
  }
}
