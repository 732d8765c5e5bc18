import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/open";
import { changePassword } from "@/lib/auth/change-password";
import { LIMIT_ENV } from "@/lib/auth/limits";
import { validateSession } from "@/lib/auth/session-check";
import { signInAttempt } from "@/lib/auth/sign-in";
import { endListedSession, endSessionsExcept, endSignedOutSession, signOutEverywhere } from "@/lib/auth/sign-out";
import { registerAccount } from "@/lib/auth/sign-up";
import { renewRecoveryCodes, turnOffTwoFactor } from "@/lib/auth/two-factor";
import { SESSION_IDLE_LIMIT_MS } from "@/lib/auth/limits";
import { createApplication } from "@/lib/data/applications";
import { createSession } from "@/lib/data/sessions";
import { securityLog, type SecurityEvent } from "@/lib/security-log";
import { makeUser, testDb } from "./support/db";
import { captureLog, type LogLine } from "./support/security-log";
import { codeAt, turnOnTwoFactor } from "./support/two-factor";

// The foreign-access helper reads the app's connection: here, the test's.
let db: Db;
vi.mock("@/db/client", () => ({ getDb: () => db }));
const { noteForeignAccess } = await import("@/lib/auth/foreign-access");

const PASSWORD = "correct horse battery staple";
const NOW = new Date("2026-11-25T10:00:10Z");
const ctx = { address: "192.0.2.1", userAgent: "agent", now: NOW };

let log: ReturnType<typeof captureLog>;
beforeEach(() => {
  db = testDb();
  log = captureLog();
});
afterEach(() => {
  log.restore();
  vi.unstubAllEnvs();
});

/** Runs `act` and returns the security lines it wrote. */
async function linesOf(act: () => unknown): Promise<LogLine[]> {
  const before = log.security().length;
  await act();
  return log.security().slice(before);
}

/** Everything secret a line must never hold. */
function expectNoSecrets(lines: LogLine[], secrets: string[]) {
  for (const line of log.raw) {
    for (const secret of secrets.filter((s) => s.length >= 6)) expect(line).not.toContain(secret);
  }
  return lines;
}

describe("the security log", () => {
  it("is one JSON line per event, in UTC, with the event, user id and address; newlines cannot split it", () => {
    securityLog("sign-in-failed", { userId: "u1", address: "1.2.3.4\n{\"event\":\"forged\"}", reason: "wrong-password" }, "warn");
    expect(log.raw.join("").trim().split("\n")).toHaveLength(1);
    const [line] = log.security();
    expect(line).toMatchObject({ level: "warn", log: "security", event: "sign-in-failed", userId: "u1", address: "1.2.3.4\n{\"event\":\"forged\"}" });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("writes each event once, and no password, code, challenge, secret or session id", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    const secrets: string[] = [PASSWORD, "wrong guess 1", "plum cobalt yonder kettle", "a new pass phrase here"];
    const seen = new Map<SecurityEvent, number>();
    const expectOnce = async (event: SecurityEvent, act: () => unknown, fields: Partial<LogLine> = {}) => {
      const lines = await linesOf(act);
      expect(lines.filter((l) => l.event === event), event).toEqual([expect.objectContaining({ event, ...fields })]);
      seen.set(event, (seen.get(event) ?? 0) + 1);
      return lines;
    };

    await expectOnce("account-created", () =>
      registerAccount(db, { input: { name: "Cy", email: "cy@example.com", password: "plum cobalt yonder kettle" }, address: "192.0.2.1", now: NOW, env: {} }),
    );
    let sessionId = "";
    await expectOnce(
      "sign-in-succeeded",
      async () => {
        const outcome = await signInAttempt(db, { email: "ana@example.com", password: PASSWORD }, ctx);
        if (outcome.kind === "signed-in") sessionId = outcome.sessionId;
      },
      { userId: ana.id, address: "192.0.2.1", twoFactor: false },
    );
    secrets.push(sessionId);
    await expectOnce("sign-in-failed", () => signInAttempt(db, { email: "ana@example.com", password: "wrong guess 1" }, ctx), {
      userId: ana.id,
      reason: "wrong-password",
    });
    vi.stubEnv(LIMIT_ENV.pair, "1");
    await expectOnce("throttled", () => signInAttempt(db, { email: "ana@example.com", password: "wrong guess 1" }, ctx), { attempt: "sign-in", reason: "pair" });
    vi.unstubAllEnvs();

    await expectOnce("signed-out", () => endSignedOutSession(db, { userId: ana.id, sessionId, address: "192.0.2.1" }));
    const old = await createSession(db, { userId: ana.id, userAgent: null, address: null, now: new Date(NOW.getTime() - SESSION_IDLE_LIMIT_MS) });
    secrets.push(old);
    await expectOnce("session-ended", () => validateSession(db, { uid: ana.id, sv: 1, sid: old }, { now: NOW, address: "192.0.2.1" }), { reason: "idle" });
    const other = await createSession(db, { userId: ana.id, userAgent: null, address: null, now: NOW });
    const here = await createSession(db, { userId: ana.id, userAgent: null, address: null, now: NOW });
    secrets.push(other, here);
    await expectOnce("sessions-revoked", () => endSessionsExcept(db, { userId: ana.id, sessionId: here, address: null }), { count: 1 });
    expect(await linesOf(() => endListedSession(db, { userId: ana.id, sessionId: other, address: null }))).toEqual([]);

    await expectOnce("password-change-refused", () =>
      changePassword(db, { user: ana, currentPassword: "wrong guess 1", newPassword: "a new pass phrase here", address: null, now: NOW }),
    );
    await expectOnce("password-changed", () =>
      changePassword(db, { user: ana, currentPassword: PASSWORD, newPassword: "a new pass phrase here", address: null, now: NOW }),
    );

    // Two-factor, on Ben's account.
    let codes: string[] = [];
    let secret = "";
    await expectOnce("two-factor-enabled", async () => ({ secret, recoveryCodes: codes } = await turnOnTwoFactor(db, ben, NOW)));
    secrets.push(secret, ...codes, codeAt(secret, NOW), codeAt(secret, NOW, 1));
    let challenge = "";
    expect(
      await linesOf(async () => {
        const outcome = await signInAttempt(db, { email: "ben@example.com", password: PASSWORD }, ctx);
        if (outcome.kind === "two-factor-required") challenge = outcome.challenge;
      }),
    ).toEqual([]);
    secrets.push(challenge);
    await expectOnce("recovery-code-used", () => signInAttempt(db, { challenge, code: codes[0] }, ctx), { remaining: 9 });
    await expectOnce("two-factor-change-refused", () => renewRecoveryCodes(db, { userId: ben.id, address: null, now: NOW, code: codes[0] }));
    const renewed = await linesOf(async () => {
      const result = await renewRecoveryCodes(db, { userId: ben.id, address: null, now: NOW, code: codeAt(secret, NOW, 1) });
      if (result.ok) secrets.push(...result.recoveryCodes);
    });
    expect(renewed.map((l) => l.event)).toEqual(["recovery-codes-replaced"]);
    seen.set("recovery-codes-replaced", 1);
    await expectOnce("two-factor-disabled", () =>
      turnOffTwoFactor(db, { userId: ben.id, email: "ben@example.com", address: null, now: NOW, password: PASSWORD, code: secrets.at(-1)! }),
    );
    await expectOnce("sessions-revoked", () => signOutEverywhere(db, { userId: ben.id, address: null }));

    // A reach for another user's record; a missing id writes nothing.
    const anas = await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } });
    await expectOnce("access-denied", () => noteForeignAccess(ben.id, { kind: "application", id: anas.id }), { userId: ben.id, resource: "application", resourceId: anas.id });
    expect(await linesOf(() => noteForeignAccess(ben.id, { kind: "application", id: "no-such-id" }))).toEqual([]);
    expect(await linesOf(() => noteForeignAccess(ana.id, { kind: "application", id: anas.id }))).toEqual([]);
    const anasSession = await createSession(db, { userId: ana.id, userAgent: null, address: null, now: NOW });
    secrets.push(anasSession);
    const denied = await expectOnce("access-denied", () => noteForeignAccess(ben.id, { kind: "session", id: anasSession }), { resource: "session" });
    expect(denied[0]).not.toHaveProperty("resourceId");

    // Issue 13's account deletion calls this.
    await expectOnce("account-deleted", () => securityLog("account-deleted", { userId: ana.id, address: "192.0.2.1" }));

    expectNoSecrets(log.security(), secrets);
    expect([...seen.keys()].sort()).toEqual(
      [
        "access-denied",
        "account-created",
        "account-deleted",
        "password-change-refused",
        "password-changed",
        "recovery-code-used",
        "recovery-codes-replaced",
        "session-ended",
        "sessions-revoked",
        "sign-in-failed",
        "sign-in-succeeded",
        "signed-out",
        "throttled",
        "two-factor-change-refused",
        "two-factor-disabled",
        "two-factor-enabled",
      ].sort(),
    );
  });
});
