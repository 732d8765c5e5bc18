import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

// An `npm run …` command as an operator runs it: its own process, through tsx,
// with the server's import conditions, in the project folder.

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

export type ScriptEnv = { DATABASE_URL?: string; SHORTLIST_DB_PATH: string } & Record<string, string | undefined>;

/** The environment of this run, with the database given: DATABASE_URL absent means SQLite's file. */
export function scriptEnv(env: ScriptEnv): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  delete merged.DATABASE_URL;
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

/** Resolves with the output of a run that exits 0; rejects with { code, stdout, stderr } otherwise. */
export function runScript(script: string, args: string[], env: ScriptEnv): Promise<{ stdout: string; stderr: string }> {
  return run(TSX, ["--conditions=react-server", script, ...args], { cwd: ROOT, env: scriptEnv(env), maxBuffer: 64 << 20 });
}
