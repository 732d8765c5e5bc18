import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databasePath } from "@/db/location";


/**
 * AUTH_SECRET when given; otherwise a secret generated on first start and kept
 * beside the database, so a fresh clone runs with no manual set-up and
 * sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  // Asked on every request: read the file once per process, not per page.
  secretFromFile ??= keptBesideDatabase("auth-secret", () => randomBytes(32).toString("base64url"));
  return secretFromFile;
}

let secretFromFile: string | undefined;

/**
 * A secret kept in a file of its own beside the database (readable by its
 * owner alone): made by `make` the first time it is asked for, read ever after.
 */
export function keptBesideDatabase(name: string, make: () => string): string {
  const file = path.join(path.dirname(databasePath()), name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = make();
  // "wx" fails if another process won the race; then read the winner's secret.
  try {
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
