/** Which engine this process runs on: Postgres when DATABASE_URL names one, else the SQLite file. */
export type EngineKind = "sqlite" | "postgres";

export function engineKind(env: NodeJS.ProcessEnv = process.env): EngineKind {
  const url = env.DATABASE_URL?.trim();
  if (!url) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must be a postgres://… address (or unset, for the SQLite file at SHORTLIST_DB_PATH); got "${url.split(":")[0]}:…"`);
}
