import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recoveryCodes } from "@/db/schema";
import { findRecoveryCode, hashRecoveryCode, isLegacyRecoveryHash, RECOVERY_CODE_PARAMS, recoveryCodeMatches } from "@/lib/auth/recovery-codes";
import { newRecoveryCodes, normaliseRecoveryCode } from "@/lib/auth/totp";
import { checkSecondFactor } from "@/lib/auth/two-factor";
import { replaceRecoveryCodes } from "@/lib/data/two-factor";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";
import { twoFactorOnWithoutPassword } from "./support/two-factor";

const NOW = new Date("2026-11-25T10:00:10Z");
/** How codes were stored before scrypt: unsalted SHA-256, base64url. */
const legacyHash = (normalised: string) => createHash("sha256").update(normalised).digest("base64url");

let db: ReturnType<typeof testDb>;
let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  db = testDb();
  log = captureLog();
});
afterEach(() => log.restore());

describe("recovery code hashes", () => {
  it("are scrypt with the named parameters and a salt of their own: one code hashed twice differs", async () => {
    const code = normaliseRecoveryCode(newRecoveryCodes()[0])!;
    const [a, b] = [await hashRecoveryCode(code), await hashRecoveryCode(code)];
    expect(a).toMatch(new RegExp(`^scrypt\\$${RECOVERY_CODE_PARAMS.N}\\$${RECOVERY_CODE_PARAMS.r}\\$${RECOVERY_CODE_PARAMS.p}\\$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain(code);
    expect(await recoveryCodeMatches(code, a)).toBe(true);
    expect(await recoveryCodeMatches(code, b)).toBe(true);
    expect(await recoveryCodeMatches(normaliseRecoveryCode(newRecoveryCodes()[0])!, a)).toBe(false);
  });

  it("still read the old SHA-256 format, and tell it apart", async () => {
    const code = normaliseRecoveryCode(newRecoveryCodes()[0])!;
    expect(isLegacyRecoveryHash(legacyHash(code))).toBe(true);
    expect(isLegacyRecoveryHash(await hashRecoveryCode(code))).toBe(false);
    expect(await recoveryCodeMatches(code, legacyHash(code))).toBe(true);
    expect(await recoveryCodeMatches(code, legacyHash(`${code.slice(1)}0`))).toBe(false);
    // A stored value of another length is a mismatch, not an exception from the comparison.
    expect(await recoveryCodeMatches(code, "short")).toBe(false);
  });

  it("finds the one stored hash a code matches among several, in either format", async () => {
    const [one, two, three] = newRecoveryCodes().map((c) => normaliseRecoveryCode(c)!);
    const stored = [await hashRecoveryCode(one), legacyHash(two), await hashRecoveryCode(three)];
    expect(await findRecoveryCode(two, stored)).toBe(stored[1]);
    expect(await findRecoveryCode(three, stored)).toBe(stored[2]);
    expect(await findRecoveryCode(normaliseRecoveryCode(newRecoveryCodes()[0])!, stored)).toBeNull();
  });
});

describe("a code stored in the old format", () => {
  it("signs in once, and is rehashed with scrypt as it is used", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await twoFactorOnWithoutPassword(db, ana.id, NOW);
    // Ana's codes as an older Shortlist stored them.
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(db, { userId: ana.id, codeHashes: codes.map((c) => legacyHash(normaliseRecoveryCode(c)!)) });
    const check = (code: string) => checkSecondFactor(db, { userId: ana.id, address: null, now: NOW, code });

    expect(await check(codes[2])).toEqual({ ok: true, method: "recovery" });
    const rows = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id));
    const used = rows.filter((r) => r.usedAt);
    expect(used).toHaveLength(1);
    expect(used[0].codeHash).toMatch(/^scrypt\$/);
    expect(await recoveryCodeMatches(normaliseRecoveryCode(codes[2])!, used[0].codeHash)).toBe(true);
    expect(rows.some((r) => r.codeHash === legacyHash(normaliseRecoveryCode(codes[2])!))).toBe(false);
    // The others are untouched until their own use; the used one does not work again.
    expect(rows.filter((r) => !r.usedAt).every((r) => isLegacyRecoveryHash(r.codeHash))).toBe(true);
    expect(await check(codes[2])).toEqual({ ok: false, reason: "wrong" });
    expect(await check(codes[5])).toEqual({ ok: true, method: "recovery" });
  });
});
