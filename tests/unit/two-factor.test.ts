import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recoveryCodes, sessions, twoFactor, users } from "@/db/schema";
import { write } from "@/db/write";
import { LIMIT_ENV, TWO_FACTOR_CHALLENGE_MS } from "@/lib/auth/limits";
import { openChallenge, signInAttempt, type SignInOutcome } from "@/lib/auth/sign-in";
import { asTotpCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/totp";
import {
  checkSecondFactor,
  confirmTwoFactorSetup,
  pendingTwoFactorSecret,
  renewRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from "@/lib/auth/two-factor";
import { enableTwoFactor, getTwoFactor, twoFactorEnabled, useTimeStep } from "@/lib/data/two-factor";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";
import { codeAt, turnOnTwoFactor } from "./support/two-factor";

const PASSWORD = "correct horse battery staple"; // makeUser's
const NOW = new Date("2026-11-25T10:00:10Z");
const context = (now = NOW, address = "10.0.0.1") => ({ address, userAgent: "test agent", now });

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  log = captureLog();
});
afterEach(() => {
  log.restore();
  vi.unstubAllEnvs();
});

const sessionCount = async (userId: string) => (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;

async function passwordStep(email = "ana@example.com", now = NOW): Promise<string> {
  const outcome = await signInAttempt(db, { email, password: PASSWORD }, context(now));
  if (outcome.kind !== "two-factor-required") throw new Error(`expected a challenge, got ${outcome.kind}`);
  return outcome.challenge;
}

describe("set-up", () => {
  it("waits for a first right code, then turns on with ten recovery codes stored only as hashes", async () => {
    expect(await startTwoFactorSetup(db, { userId: ana.id, now: NOW })).toBe(true);
    const secret = (await pendingTwoFactorSecret(db, { userId: ana.id }))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);
    // At rest the secret is sealed: the database does not hold it as text.
    const [stored] = await db.select().from(twoFactor).where(eq(twoFactor.userId, ana.id)).limit(1);
    expect(stored.secretSealed).not.toContain(secret);
    expect(stored.secretSealed).toMatch(/^v1\./);

    const setup = { userId: ana.id, email: "ana@example.com", address: "10.0.0.1", now: NOW };
    // A session alone (a stolen cookie) is not enough: without the password even the right code turns nothing on.
    expect(await confirmTwoFactorSetup(db, { ...setup, password: "not the password", code: codeAt(secret, NOW) })).toEqual({
      ok: false,
      field: "password",
      reason: "wrong",
      retryAfterMs: 0,
    });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);
    const wrong = await confirmTwoFactorSetup(db, { ...setup, password: PASSWORD, code: "000000" === codeAt(secret, NOW) ? "111111" : "000000" });
    expect(wrong).toEqual({ ok: false, field: "code", reason: "wrong" });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);

    const right = await confirmTwoFactorSetup(db, { ...setup, password: PASSWORD, code: codeAt(secret, NOW) });
    if (!right.ok) throw new Error("refused");
    expect(right.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(right.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(true);
    const hashes = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id));
    expect(hashes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of right.recoveryCodes) {
      expect(hashes.some((h) => h.codeHash.includes(normaliseRecoveryCode(code)!))).toBe(false);
    }
    // Set-up cannot replace a secret that is on.
    expect(await startTwoFactorSetup(db, { userId: ana.id, now: NOW })).toBe(false);
  });

  it("password guesses at set-up count against the sign-in limits, so a stolen session cannot find the password there", async () => {
    vi.stubEnv(LIMIT_ENV.pair, "2");
    await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
    const secret = (await pendingTwoFactorSecret(db, { userId: ana.id }))!;
    const setup = { userId: ana.id, email: "ana@example.com", address: "10.0.0.1", now: NOW, code: codeAt(secret, NOW) };
    for (const guess of ["guess one", "guess two"]) expect(await confirmTwoFactorSetup(db, { ...setup, password: guess })).toMatchObject({ reason: "wrong" });
    expect(await confirmTwoFactorSetup(db, { ...setup, password: PASSWORD })).toMatchObject({ ok: false, field: "password", reason: "throttled" });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);
    // The same limits as the sign-in form: that pair is held there too.
    expect(await signInAttempt(db, { email: "ana@example.com", password: PASSWORD }, context())).toEqual({ kind: "refused", reason: "throttled" });
  });

  it("a sealed secret copied onto another user's row does not open there", async () => {
    await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
    const [{ secretSealed: sealed }] = await db.select().from(twoFactor).where(eq(twoFactor.userId, ana.id)).limit(1);
    await write(db, { userId: ben.id }, async (tx) => {
      await tx.insert(twoFactor).values({ userId: ben.id, secretSealed: sealed, createdAt: NOW });
    });
    expect(await pendingTwoFactorSecret(db, { userId: ben.id })).toBeNull();
  });

  it("does not turn on a secret that replaced the one the first code was checked against", async () => {
    await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
    const checked = (await getTwoFactor(db, { userId: ana.id }))!;
    // Another tab starts over while this one's code is being checked: its app has the first secret only.
    await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
    const hashes = ["a code hash"];
    expect(await enableTwoFactor(db, { userId: ana.id, secretSealed: checked.secretSealed, step: 1, codeHashes: hashes, now: NOW })).toBe(false);
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);
    const waiting = (await getTwoFactor(db, { userId: ana.id }))!;
    expect(waiting.secretSealed).not.toBe(checked.secretSealed);
    expect(await enableTwoFactor(db, { userId: ana.id, secretSealed: waiting.secretSealed, step: 1, codeHashes: hashes, now: NOW })).toBe(true);
  });
});

describe("two-step sign-in", () => {
  it("without two-factor, the right password starts a session", async () => {
    const outcome = await signInAttempt(db, { email: "ana@example.com", password: PASSWORD }, context());
    expect(outcome).toMatchObject({ kind: "signed-in", userId: ana.id });
    expect(await sessionCount(ana.id)).toBe(1);
  });

  it("with two-factor, the right password alone starts no session; the right code then does", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const challenge = await passwordStep();
    expect(await sessionCount(ana.id)).toBe(0);
    const outcome = await signInAttempt(db, { challenge, code: codeAt(secret, NOW, 1) }, context());
    expect(outcome).toMatchObject({ kind: "signed-in", userId: ana.id });
    expect(await sessionCount(ana.id)).toBe(1);
  });

  it("a code is accepted once: the same code again is refused, even within its 30 seconds", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const code = codeAt(secret, NOW, 1);
    expect((await signInAttempt(db, { challenge: await passwordStep(), code }, context())).kind).toBe("signed-in");
    const again = await signInAttempt(db, { challenge: await passwordStep(), code }, context());
    expect(again).toEqual({ kind: "refused", reason: "reused-code" });
    // The set-up's own code was used up too.
    expect(await signInAttempt(db, { challenge: await passwordStep(), code: codeAt(secret, NOW) }, context())).toEqual({
      kind: "refused",
      reason: "reused-code",
    });
    expect(await sessionCount(ana.id)).toBe(1);
  });

  it("two requests racing with one code: only one wins", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const code = codeAt(secret, NOW, 1);
    const [a, b] = await Promise.all([passwordStep(), passwordStep()]);
    const outcomes = await Promise.all([a, b].map((challenge) => signInAttempt(db, { challenge, code }, context())));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["refused", "signed-in"]);
  });

  it("the step is used up by one conditional write, so two checks that both read it as unused still let one through", async () => {
    // In one process the checks above run one after the other anyway; what
    // makes a real race safe is that the write itself decides, not a read before it.
    await turnOnTwoFactor(db, ana, NOW);
    const seen = [(await getTwoFactor(db, { userId: ana.id }))!, (await getTwoFactor(db, { userId: ana.id }))!];
    const step = seen[0].lastUsedStep! + 1;
    expect(seen.every((row) => row.lastUsedStep! < step)).toBe(true);
    expect(await Promise.all([useTimeStep(db, { userId: ana.id, step }), useTimeStep(db, { userId: ana.id, step })])).toEqual([true, false]);
    expect(await useTimeStep(db, { userId: ana.id, step: step - 1 })).toBe(false);
  });

  it("a code from too far off, or a wrong one, is refused", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    expect(await signInAttempt(db, { challenge: await passwordStep(), code: codeAt(secret, NOW, 3) }, context())).toEqual({
      kind: "refused",
      reason: "wrong-code",
    });
    expect(await signInAttempt(db, { challenge: await passwordStep(), code: "12345" }, context())).toEqual({ kind: "refused", reason: "wrong-code" });
  });

  it("a recovery code signs in once, in any case and without dashes", async () => {
    const { recoveryCodes: codes } = await turnOnTwoFactor(db, ana, NOW);
    const typed = codes[3].toUpperCase().replace(/-/g, " ");
    expect((await signInAttempt(db, { challenge: await passwordStep(), code: typed }, context())).kind).toBe("signed-in");
    expect(await signInAttempt(db, { challenge: await passwordStep(), code: codes[3] }, context())).toEqual({ kind: "refused", reason: "wrong-code" });
    expect((await signInAttempt(db, { challenge: await passwordStep(), code: codes[4] }, context())).kind).toBe("signed-in");
  });

  it("a challenge is refused once expired, forged, or after the user's sessions were revoked", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const challenge = await passwordStep();
    expect(await openChallenge(db, challenge, new Date(NOW.getTime() + TWO_FACTOR_CHALLENGE_MS - 1))).toMatchObject({ userId: ana.id });
    const late = new Date(NOW.getTime() + TWO_FACTOR_CHALLENGE_MS);
    expect(await signInAttempt(db, { challenge, code: codeAt(secret, late) }, context(late))).toEqual({ kind: "refused", reason: "challenge-expired" });
    const forged = `${challenge.slice(0, -3)}${challenge.endsWith("A") ? "B" : "A"}AA`;
    expect(await signInAttempt(db, { challenge: forged, code: codeAt(secret, NOW, 1) }, context())).toEqual({ kind: "refused", reason: "challenge-expired" });
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.update(users).set({ sessionVersion: 2 }).where(eq(users.id, ana.id));
    });
    expect(await signInAttempt(db, { challenge, code: codeAt(secret, NOW, 1) }, context())).toEqual({ kind: "refused", reason: "challenge-expired" });
    expect(await sessionCount(ana.id)).toBe(0);
  });

  it("another user's codes do not open this user's challenge", async () => {
    await turnOnTwoFactor(db, ana, NOW);
    const bens = await turnOnTwoFactor(db, ben, NOW);
    const outcome = await signInAttempt(db, { challenge: await passwordStep(), code: bens.recoveryCodes[0] }, context());
    expect(outcome).toEqual({ kind: "refused", reason: "wrong-code" });
    expect(await sessionCount(ana.id)).toBe(0);
    // And Ben's code was not used up by trying it on Ana.
    expect((await signInAttempt(db, { challenge: await passwordStep("ben@example.com"), code: bens.recoveryCodes[0] }, context())).kind).toBe("signed-in");
  });

  it("codes are throttled like passwords: per account and address, then the right code waits too", async () => {
    vi.stubEnv(LIMIT_ENV.pair, "3");
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const challenge = await passwordStep();
    const wrong = codeAt(secret, NOW, 5);
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(await signInAttempt(db, { challenge, code: wrong }, context()));
    expect(outcomes.every((o) => o.kind === "refused" && o.reason === "wrong-code")).toBe(true);
    expect(await signInAttempt(db, { challenge, code: codeAt(secret, NOW, 1) }, context())).toEqual({ kind: "refused", reason: "throttled" });
    // The same challenge from another address is not held by this address's failures.
    expect((await signInAttempt(db, { challenge, code: codeAt(secret, NOW, 1) }, context(NOW, "10.0.0.2"))).kind).toBe("signed-in");
  });

  it("a direct post with the password and a code, but no challenge, starts no session for a two-factor account", async () => {
    const { secret } = await turnOnTwoFactor(db, ana, NOW);
    const outcome = await signInAttempt(db, { email: "ana@example.com", password: PASSWORD, code: codeAt(secret, NOW, 1) }, context());
    expect(outcome.kind).toBe("two-factor-required");
    expect(await sessionCount(ana.id)).toBe(0);
  });
});

describe("turning it off, and new recovery codes", () => {
  it("needs the password and a code; either wrong changes nothing", async () => {
    const { secret, recoveryCodes: codes } = await turnOnTwoFactor(db, ana, NOW);
    const who = { userId: ana.id, email: "ana@example.com", address: "10.0.0.1", now: NOW };
    expect(await turnOffTwoFactor(db, { ...who, password: "not it at all", code: codeAt(secret, NOW, 1) })).toMatchObject({ ok: false, field: "password" });
    expect(await turnOffTwoFactor(db, { ...who, password: PASSWORD, code: "999999" === codeAt(secret, NOW, 1) ? "888888" : "999999" })).toMatchObject({
      ok: false,
      field: "code",
    });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(true);
    expect(await turnOffTwoFactor(db, { ...who, password: PASSWORD, code: codes[0] })).toEqual({ ok: true });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(false);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id))).toEqual([]);
    // Now the password alone signs in.
    expect((await signInAttempt(db, { email: "ana@example.com", password: PASSWORD }, context())).kind).toBe("signed-in");
  });

  it("new recovery codes replace the old set", async () => {
    const { secret, recoveryCodes: old } = await turnOnTwoFactor(db, ana, NOW);
    const renewed = await renewRecoveryCodes(db, { userId: ana.id, address: null, now: NOW, code: codeAt(secret, NOW, 1) });
    if (!renewed.ok) throw new Error("refused");
    expect(await checkSecondFactor(db, { userId: ana.id, address: null, now: NOW, code: old[0] })).toEqual({ ok: false, reason: "wrong" });
    expect(await checkSecondFactor(db, { userId: ana.id, address: null, now: NOW, code: renewed.recoveryCodes[0] })).toEqual({ ok: true, method: "recovery" });
  });

  it("another user's password and codes cannot turn this user's off", async () => {
    await turnOnTwoFactor(db, ana, NOW);
    const bens = await turnOnTwoFactor(db, ben, NOW);
    const result = await turnOffTwoFactor(db, { userId: ana.id, email: "ana@example.com", address: null, now: NOW, password: PASSWORD, code: bens.recoveryCodes[0] });
    expect(result).toMatchObject({ ok: false, field: "code" });
    expect(await twoFactorEnabled(db, { userId: ana.id })).toBe(true);
  });
});

describe("codes as typed", () => {
  it("reads six digits with spaces as an authenticator code and anything else as a recovery code", () => {
    expect(asTotpCode(" 123 456 ")).toBe("123456");
    expect(asTotpCode("12345")).toBeNull();
    expect(normaliseRecoveryCode("ABCD-EFGH-JKMN-PQRS")).toBe("abcdefghjkmnpqrs");
    expect(normaliseRecoveryCode("abcd efgh jkmn pqrO")).toBe("abcdefghjkmnpqr0");
    expect(normaliseRecoveryCode("too-short")).toBeNull();
  });
});
