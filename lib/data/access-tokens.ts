import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/open";
import { StorageError } from "@/db/storage-error";
import { write } from "@/db/write";
import { accessTokens, users } from "@/db/schema";
import { accessTokenHash, newAccessToken } from "@/lib/auth/access-token-secret";
import { sessionColumns, toSessionUser, type SessionUser } from "./users";

export type TokenScope = "read" | "write";

/** A token as its owner sees it in Settings: never its hash. */
export type AccessTokenListing = {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

/** "Last used" is kept to the minute: a busy agent must not turn every read into a write. */
export const LAST_USED_PRECISION_MS = 60_000;

/** At most this many tokens per account: enough for every agent and script, too few to hide one among. */
export const MAX_TOKENS_PER_USER = 50;

const listingColumns = {
  id: accessTokens.id,
  name: accessTokens.name,
  scope: accessTokens.scope,
  createdAt: accessTokens.createdAt,
  expiresAt: accessTokens.expiresAt,
  lastUsedAt: accessTokens.lastUsedAt,
};

export type CreatedToken = { ok: true; token: string; listing: AccessTokenListing } | { ok: false; reason: "too-many" };

/** Makes a token; the plain token is in the result and nowhere else. */
export async function createAccessToken(
  db: Db,
  { userId, name, scope, expiresAt, now }: { userId: string; name: string; scope: TokenScope; expiresAt: Date | null; now: Date },
): Promise<CreatedToken> {
  return write(db, { userId }, async (tx): Promise<CreatedToken> => {
    const held = await tx.select({ id: accessTokens.id }).from(accessTokens).where(eq(accessTokens.userId, userId));
    if (held.length >= MAX_TOKENS_PER_USER) return { ok: false, reason: "too-many" };
    const token = newAccessToken();
    const [listing] = await tx
      .insert(accessTokens)
      .values({ userId, name, scope, tokenHash: accessTokenHash(token), createdAt: now, expiresAt })
      .returning(listingColumns);
    return { ok: true, token, listing };
  });
}

/** The account's tokens, newest first; an expired one stays listed (as expired) until revoked or presented. */
export async function listAccessTokens(db: Db, { userId }: { userId: string }): Promise<AccessTokenListing[]> {
  return db.select(listingColumns).from(accessTokens).where(eq(accessTokens.userId, userId)).orderBy(desc(accessTokens.createdAt), accessTokens.id);
}

/** Deletes one of the user's tokens; false when it is not theirs or is gone already. */
export async function revokeAccessToken(db: Db, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const gone = await tx
      .delete(accessTokens)
      .where(and(eq(accessTokens.userId, userId), eq(accessTokens.id, id)))
      .returning({ id: accessTokens.id });
    return gone.length > 0;
  });
}

export type TokenHolder = { user: SessionUser; token: { id: string; scope: TokenScope; name: string } };
export type TokenCheck = { ok: true; holder: TokenHolder } | { ok: false; reason: "unknown" | "expired"; userId?: string };

/**
 * Who a presented token speaks for. Unknown and revoked tokens look the
 * same (the row is gone); an expired one is refused, says so, and is
 * deleted. "Last used" is written at most once a minute, as a courtesy
 * whose failure does not refuse the request.
 */
export async function checkAccessToken(db: Db, { token, now }: { token: string; now: Date }): Promise<TokenCheck> {
  const [row] = await db
    .select({
      ...sessionColumns,
      tokenId: accessTokens.id,
      tokenName: accessTokens.name,
      scope: accessTokens.scope,
      expiresAt: accessTokens.expiresAt,
      lastUsedAt: accessTokens.lastUsedAt,
    })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(eq(accessTokens.tokenHash, accessTokenHash(token)))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    // Of no more use to anyone: it goes, and the answer says it expired this once.
    await write(db, { userId: row.id }, async (tx) => {
      await tx.delete(accessTokens).where(and(eq(accessTokens.id, row.tokenId), eq(accessTokens.userId, row.id)));
    });
    return { ok: false, reason: "expired", userId: row.id };
  }
  const { tokenId, tokenName, scope, expiresAt, lastUsedAt, ...userRow } = row;
  void expiresAt;
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    try {
      await write(db, { userId: userRow.id }, async (tx) => {
        await tx.update(accessTokens).set({ lastUsedAt: now }).where(and(eq(accessTokens.id, tokenId), lastUsedAt ? lt(accessTokens.lastUsedAt, now) : undefined));
      });
    } catch (error) {
      // "Last used" is a courtesy: a full or busy database must not turn a read into a refusal.
      if (!(error instanceof StorageError)) throw error;
    }
  }
  return { ok: true, holder: { user: toSessionUser(userRow), token: { id: tokenId, scope, name: tokenName } } };
}
