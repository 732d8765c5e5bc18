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
  secretFromFile ??= secretBesideDatabase();
  return secretFromFile;
}

let secretFromFile: string | undefined;

function secretBesideDatabase(): string {
  const file = path.join(path.dirname(databasePath()), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx" fails if another process won the race; then read the winner's secret.
  try {
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
