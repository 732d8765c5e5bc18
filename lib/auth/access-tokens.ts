import "server-only";
import type { Db } from "@/db/open";
import { createAccessToken, revokeAccessToken, type CreatedToken, type TokenScope } from "@/lib/data/access-tokens";
import { securityLog } from "@/lib/security-log";

/** Makes a token and logs it (Settings and `npm run token:create`); the token itself never reaches the log. */
export async function issueAccessToken(
  db: Db,
  { userId, name, scope, expiresAt, now, address }: { userId: string; name: string; scope: TokenScope; expiresAt: Date | null; now: Date; address: string | null },
): Promise<CreatedToken> {
  const result = await createAccessToken(db, { userId, name, scope, expiresAt, now });
  if (result.ok) securityLog("token-created", { userId, address, reason: scope });
  return result;
}

/** Revokes one of the user's tokens and logs it; false (nothing logged) when it is not theirs. */
export async function revokeListedAccessToken(db: Db, { userId, id, address }: { userId: string; id: string; address: string | null }): Promise<boolean> {
  const revoked = await revokeAccessToken(db, { userId, id });
  if (revoked) securityLog("token-revoked", { userId, address });
  return revoked;
}
