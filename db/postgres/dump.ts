import { spawn } from "node:child_process";
import { accessSync, constants, readdirSync } from "node:fs";
import path from "node:path";

// db:backup and db:restore on Postgres: pg_dump's custom format and pg_restore,
// found on the PATH or where Debian puts them. Passwords go to the tools
// through PGPASSWORD, never on a command line another user could read.

const DEBIAN = "/usr/lib/postgresql";

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where the PostgreSQL client tools are looked for, in order: SHORTLIST_PG_BIN alone when set, else the PATH, then Debian's versioned folders, newest first. */
export function toolFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.SHORTLIST_PG_BIN?.trim()) return [env.SHORTLIST_PG_BIN.trim()];
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN).sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  } catch {
    // No Debian packages: the PATH alone.
  }
  return [...(env.PATH ?? "").split(path.delimiter).filter(Boolean), ...versions.map((v) => path.join(DEBIAN, v, "bin"))];
}

export class MissingToolError extends Error {
  override readonly name = "MissingToolError";
}

export function findTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): string {
  for (const folder of toolFolders(env)) {
    const file = path.join(folder, name);
    if (executable(file)) return file;
  }
  const where = env.SHORTLIST_PG_BIN?.trim() ? `in SHORTLIST_PG_BIN (${env.SHORTLIST_PG_BIN.trim()})` : `on the PATH or in ${DEBIAN}/*/bin`;
  throw new MissingToolError(
    `${name} was not found ${where}. Install PostgreSQL's client tools (Debian, Ubuntu: apt-get install postgresql-client; their major version must be at least the server's), or set SHORTLIST_PG_BIN to the folder that holds them.`,
  );
}

/** The address without its password, and the password for PGPASSWORD. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = "";
  return { url: parsed.toString(), password };
}

/** Runs a PostgreSQL tool against `url`; resolves with its standard output, or rejects with its own words. */
export function runTool(tool: string, args: string[], url: string): Promise<string> {
  const { url: address, password } = splitPassword(url);
  const env = { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${address}`], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(tool)} failed (exit code ${code}): ${err.trim() || "no message"}`));
    });
  });
}

/** pg_dump's custom format begins with these bytes. */
export const DUMP_MAGIC = "PGDMP";

/** The tables whose rows a dump holds, from pg_restore's table of contents. */
export async function tablesInDump(file: string): Promise<string[]> {
  const tool = findTool("pg_restore");
  const listing = await new Promise<string>((resolve, reject) => {
    const child = spawn(tool, ["--list", file], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${file} could not be read as a pg_dump archive (${err.trim()})`))));
  });
  // "123; 0 16390 TABLE DATA public users shortlist"
  return [...listing.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`);
}
