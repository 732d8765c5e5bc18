import { and, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { applications, events, imports, interviewers, recoveryCodes, roundInterviewers, twoFactor, users } from "@/db/schema";
import { guardedAttempt, checkCredentials } from "@/lib/auth/credentials";
import { DEFAULT_LIMITS, LIMIT_ENV } from "@/lib/auth/limits";
import { registerAccount } from "@/lib/auth/sign-up";
import { confirmTwoFactorSetup, pendingTwoFactorSecret, startTwoFactorSetup } from "@/lib/auth/two-factor";
import { createApplication } from "@/lib/data/applications";
import { createPasswordReset, spendPasswordReset } from "@/lib/data/password-resets";
import { createUser } from "@/lib/data/users";
import { mergeInterviewers } from "@/lib/data/interviewers";
import { moveApplication, type MoveResult } from "@/lib/data/move-application";
import { createRound, getRound } from "@/lib/data/rounds";
import { signInKeys, signUpKeys } from "@/lib/data/sign-in-throttle";
import { beginSignUp, finishSignUp } from "@/lib/data/sign-up-requests";
import { getTwoFactor } from "@/lib/data/two-factor";
import type { ApplicationStatus } from "@/lib/vocabulary";
import { STATUS_SETTING_EVENTS } from "@/lib/interviews/status-moves";
import { makeUser, testDb } from "../support/db";
import { fixture, importFile } from "../support/imports";
import { atOnce, serversOn, type Servers } from "../support/postgres-servers";
import { rawRows } from "../support/raw-sql";
import { roundInput } from "../support/rounds";
import { codeAt, PASSWORD } from "../support/two-factor";

// Every check-then-act that SQLite's single writer made safe, run at once
// from several app servers (a pool each) on one Postgres database, round
// after round: the per-user advisory lock (or the scope's key) in write()
// must keep each invariant as the single writer did.

let db: Db;
let servers: Servers;
const NOW = new Date("2026-11-25T10:00:10Z");

beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await servers?.close();
});

/** `count` calls spread over the servers, all started at once. */
const burst = <T>(count: number, call: (db: Db, i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => call(servers.dbs[i % servers.dbs.length], i)));

describe("the sign-in throttle, from four servers at once", () => {
  it("lets exactly the limit through, whatever the burst, round after round", async () => {
    servers = await serversOn(db, 4);
    const limit = DEFAULT_LIMITS.pair;
    for (let round = 0; round < 12; round++) {
      const keys = signInKeys(`user${round}@example.com`, `203.0.113.${round}`);
      const results = await burst(24, (server) => guardedAttempt(server, keys, NOW, () => ({ ok: false as const })));
      expect(results.filter((r) => !("reason" in r))).toHaveLength(limit);
      expect(results.filter((r) => "reason" in r && r.reason === "throttled")).toHaveLength(24 - limit);
    }
  });

  it("stops a burst of real password guesses at the pair limit, and the right password after it, on every server", { timeout: 90_000 }, async () => {
    await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    const limit = DEFAULT_LIMITS.pair;
    for (const address of ["198.51.100.1", "198.51.100.2"]) {
      const results = await burst(limit * 2, (server, i) => checkCredentials(server, { email: "ana@example.com", password: `guess ${i}` }, { address, now: NOW }));
      expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(limit);
      expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(limit);
      const [right] = await atOnce(servers, 1, (server) => checkCredentials(server, { email: "ana@example.com", password: PASSWORD }, { address, now: NOW }));
      expect(right.every((r) => !r.ok && r.reason === "throttled")).toBe(true);
    }
  });
});

describe("the sign-up throttle, from four servers at once", () => {
  it("makes no more accounts from one address than its limit, round after round", { timeout: 90_000 }, async () => {
    vi.stubEnv(LIMIT_ENV.signUp, "3");
    servers = await serversOn(db, 4);
    for (const address of ["192.0.2.10", "192.0.2.11", "192.0.2.12"]) {
      const results = await burst(10, (server, i) =>
        registerAccount(server, { input: { name: `New ${i}`, email: `new${i}.${address}@example.com`, password: "quiet lantern orbit 93" }, address, now: NOW, env: {} }),
      );
      const made = results.filter((r) => r.ok);
      expect(made).toHaveLength(3);
      expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(7);
      const accounts = await db.select({ id: users.id }).from(users).where(sql`${users.email} like ${`%.${address}@example.com`}`);
      expect(accounts).toHaveLength(3);
      // Counted once each: the window holds the address now.
      const [blocked] = await rawRows<{ failures: number }>(db, sql`select failures from sign_in_throttle where key = ${signUpKeys(address)[0].key}`);
      expect(Number(blocked.failures)).toBe(3);
    }
  });

  it("makes one account from one sign-up link used at once on every server, and one from two links for one address", async () => {
    servers = await serversOn(db, 4);
    const request = (email: string) => ({ email, name: "Dee", passwordHash: "scrypt$not-a-real-hash", timeZone: null });
    const expiresAt = new Date(NOW.getTime() + 3_600_000);
    for (let round = 0; round < 5; round++) {
      const email = `dee${round}@example.com`;
      await beginSignUp(db, { request: request(email), tokenHash: `link-${round}`, expiresAt, now: NOW });
      const [sameLink] = await atOnce(servers, 1, (server) => finishSignUp(server, { tokenHash: `link-${round}`, now: NOW }));
      expect(sameLink.filter((r) => r.ok)).toHaveLength(1);
      expect(sameLink.filter((r) => !r.ok && r.reason === "link")).toHaveLength(3);

      const other = `eve${round}@example.com`;
      for (const tab of ["a", "b"]) await beginSignUp(db, { request: request(other), tokenHash: `link-${round}-${tab}`, expiresAt, now: NOW });
      const twoLinks = await Promise.all(["a", "b"].map((tab, i) => finishSignUp(servers.dbs[i], { tokenHash: `link-${round}-${tab}`, now: NOW })));
      expect(twoLinks.filter((r) => r.ok)).toHaveLength(1);
      expect(twoLinks.filter((r) => !r.ok && r.reason === "taken")).toHaveLength(1);
      expect(await db.select({ id: users.id }).from(users).where(eq(users.email, other))).toHaveLength(1);
    }
  });
});

describe("accounts and reset links, from four servers at once", () => {
  it("makes one account for one email signed up on every server at once", async () => {
    servers = await serversOn(db, 4);
    for (let round = 0; round < 6; round++) {
      const email = `fay${round}@example.com`;
      const made = await burst(8, (server, i) => createUser(server, { name: `Fay ${i}`, email, passwordHash: "scrypt$not-a-real-hash" }));
      expect(made.filter((u) => u !== null)).toHaveLength(1);
      expect(await db.select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(1);
    }
  });

  it("spends a password reset link once when it is used on every server at once", async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    for (let round = 0; round < 5; round++) {
      const tokenHash = `reset-${round}`;
      await createPasswordReset(db, { userId: ana.id, tokenHash, expiresAt: new Date(NOW.getTime() + 3_600_000), now: NOW });
      const spent = await burst(8, (server, i) => spendPasswordReset(server, { tokenHash, passwordHash: `scrypt$new-${round}-${i}`, now: NOW }));
      const winners = spent.flatMap((s, i) => (s ? [i] : []));
      expect(winners).toHaveLength(1);
      // The password is the winner's, not a later loser's.
      const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ana.id));
      expect(row.passwordHash).toBe(`scrypt$new-${round}-${winners[0]}`);
    }
  });
});

describe("import de-duplication, from four servers at once", () => {
  it("adds a file imported on every server at once one time, file after file", async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    let total = 0;
    for (const name of ["huntr-board.csv", "teal-download.csv", "jobsync-export.csv"]) {
      const bytes = fixture(name);
      const [outcomes] = await atOnce(servers, 1, (server) => importFile(server, ana.id, bytes, { name }));
      const adding = outcomes.filter((o) => o.added > 0);
      expect(adding).toHaveLength(1);
      const added = adding[0].added;
      // The others found every row already there.
      for (const o of outcomes.filter((o) => o.added === 0)) expect(o.duplicates).toBeGreaterThanOrEqual(added);
      total += added;
      expect(await db.select({ id: applications.id }).from(applications).where(eq(applications.userId, ana.id))).toHaveLength(total);
      expect(await db.select({ id: imports.id }).from(imports).where(and(eq(imports.userId, ana.id), eq(imports.fileName, name)))).toHaveLength(1);
    }
  });
});

const STATUS_OF_EVENT: Record<string, string | undefined> = STATUS_SETTING_EVENTS;

const versions = async (userId: string, applicationId: string) => {
  const [row] = await rawRows<{ user: number; application: number }>(
    db,
    sql`select u.version as "user", a.version as "application" from user_data_versions u join application_versions a on a.user_id = u.user_id where u.user_id = ${userId} and a.application_id = ${applicationId}`,
  );
  return { user: Number(row.user), application: Number(row.application) };
};

describe("status moves, from four servers at once", () => {
  it("logs one event when every server moves one application to offer at once, and bumps its version", async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    for (let round = 0; round < 8; round++) {
      const app = await createApplication(db, { userId: ana.id, input: { company: `Acme ${round}`, roleTitle: "Engineer", status: "interviewing" } });
      const before = await versions(ana.id, app.id);
      const results = await burst(8, (server) => moveApplication(server, { userId: ana.id, id: app.id, target: "offer", now: NOW }));
      expect(results.filter((r) => r.ok && r.logged === "offer_received")).toHaveLength(1);
      expect(results.filter((r) => r.ok && r.logged === null)).toHaveLength(7);
      const logged = await db.select({ kind: events.kind }).from(events).where(eq(events.applicationId, app.id));
      expect(logged).toEqual([{ kind: "offer_received" }]);
      const [row] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, app.id));
      expect(row.status).toBe("offer");
      const after = await versions(ana.id, app.id);
      expect(after.application).toBeGreaterThan(before.application);
      expect(after.application).toBe(after.user);
    }
  });

  it("ends each burst of different moves in the state of the last one, with its event history to match", async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    const targets: ApplicationStatus[] = ["offer", "rejected", "withdrawn", "ghosted", "applied", "interviewing", "offer", "rejected"];
    for (let round = 0; round < 6; round++) {
      const app = await createApplication(db, { userId: ana.id, input: { company: `Beta ${round}`, roleTitle: "Engineer", status: "interviewing" } });
      const before = await versions(ana.id, app.id);
      const results: MoveResult[] = await burst(targets.length, (server, i) => moveApplication(server, { userId: ana.id, id: app.id, target: targets[(i + round) % targets.length], now: NOW }));
      expect(results.every((r) => r.ok || r.reason === "refused")).toBe(true);
      // The history holds exactly the events the moves said they logged: none lost, none twice.
      const loggedKinds = results.flatMap((r) => (r.ok && r.logged ? [r.logged] : [])).sort();
      // In the order they were saved: one user's writes take turns, so the ids of their transactions rise in commit order.
      const history = await rawRows<{ kind: string; statusBefore: string | null }>(
        db,
        sql`select kind, status_before as "statusBefore" from events where application_id = ${app.id} order by xmin::text::bigint`,
      );
      expect(history.map((e) => e.kind).sort()).toEqual(loggedKinds);
      // No event moved the application to the status it already had: each move read the one before it.
      for (const e of history) expect(e.statusBefore).not.toBe(STATUS_OF_EVENT[e.kind]);
      const [row] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, app.id));
      expect(results.some((r) => r.ok && r.status === row.status) || row.status === "interviewing").toBe(true);
      // A status an event sets is the last event's, in the order they were saved.
      const eventKind = Object.entries(STATUS_OF_EVENT).find(([, status]) => status === row.status)?.[0];
      if (eventKind) expect(history.at(-1)?.kind).toBe(eventKind);
      const after = await versions(ana.id, app.id);
      if (history.length > 0 || row.status !== "interviewing") expect(after.application).toBeGreaterThan(before.application);
      expect(after.application).toBeLessThanOrEqual(after.user);
    }
  });
});

describe("People merge, from several servers at once", () => {
  const app = async (userId: string, company: string) => (await createApplication(db, { userId, input: { company, roleTitle: "Engineer", status: "applied" } })).id;
  async function round(userId: string, applicationId: string, over: Parameters<typeof roundInput>[0]) {
    const id = await createRound(db, { userId, applicationId, input: roundInput(over) });
    if (!id) throw new Error("round refused");
    return { id, people: (await getRound(db, { userId, id }))!.interviewers.map((p) => p.id) };
  }
  async function twoOmars(userId: string, company: string) {
    const at = await app(userId, company);
    const one = await round(userId, at, { newInterviewers: [{ name: "Omar Haddad", title: "Staff engineer" }] });
    const two = await round(userId, at, { newInterviewers: [{ name: "Omar H.", email: `omar@${company}.io` }, { name: "Sam Lee" }] });
    const both = await round(userId, at, { interviewerIds: [two.people[0], two.people[1], one.people[0]] });
    return { a: one.people[0], b: two.people[0], sam: two.people[1], rounds: [one.id, two.id, both.id] };
  }

  it("lets one of two merges of the same people win, with no link lost or doubled", async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 4);
    for (let r = 0; r < 6; r++) {
      const { a, b, sam, rounds } = await twoOmars(ana.id, `fernhill${r}`);
      // Both ways round and twice each: whichever commits first, the others find a person gone.
      const [outcomes] = await atOnce(servers, 1, (server, i) =>
        mergeInterviewers(server, { userId: ana.id, keepId: i % 2 === 0 ? a : b, mergeId: i % 2 === 0 ? b : a }),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok && o.reason === "not-found")).toHaveLength(3);
      const people = await db.select({ id: interviewers.id }).from(interviewers).where(eq(interviewers.userId, ana.id));
      const left = people.map((p) => p.id).filter((id) => id === a || id === b);
      expect(left).toHaveLength(1);
      const [survivor] = left;
      const linked = async (roundId: string) => (await getRound(db, { userId: ana.id, id: roundId }))!.interviewers.map((p) => p.id);
      expect(await linked(rounds[0])).toEqual([survivor]);
      expect(await linked(rounds[1])).toEqual([survivor, sam]);
      expect(await linked(rounds[2])).toEqual([survivor, sam]);
      const links = await db.select({ roundId: roundInterviewers.roundId }).from(roundInterviewers).where(eq(roundInterviewers.userId, ana.id));
      expect(links.filter((l) => rounds.includes(l.roundId))).toHaveLength(5);
    }
  });
});

describe("two-factor set-up, from two servers at once", () => {
  const turnedOff = (userId: string) =>
    write(db, { userId }, async (tx) => {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
    });

  // Each confirmation hashes a password and ten recovery codes: slow on purpose, and slower on a busy machine.
  it("turns on once when the same first code is confirmed twice at once, with the winner's recovery codes", { timeout: 90_000 }, async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 2);
    for (let round = 0; round < 2; round++) {
      await turnedOff(ana.id);
      await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
      const secret = (await pendingTwoFactorSecret(db, { userId: ana.id }))!;
      const [results] = await atOnce(servers, 1, (server, i) =>
        confirmTwoFactorSetup(server, { userId: ana.id, email: ana.email, address: `10.0.${round}.${i}`, now: NOW, password: PASSWORD, code: codeAt(secret, NOW) }),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.field === "code" && r.reason === "no-setup")).toHaveLength(1);
      const row = (await getTwoFactor(db, { userId: ana.id }))!;
      expect(row.enabledAt).toEqual(NOW);
      const codes = await db.select({ id: recoveryCodes.userId }).from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id));
      expect(codes).toHaveLength(won[0].ok ? won[0].recoveryCodes.length : -1);
    }
  });

  /** Runs `meanwhile` once, right after the first read of the two_factor table by anyone: the moment a confirmation has its secret in hand. */
  async function afterTheSecretIsRead<T>(meanwhile: () => Promise<unknown>, run: () => Promise<T>): Promise<T> {
    const query = pg.Client.prototype.query;
    let armed = true;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (!armed || !/^select/i.test(text) || !text.includes('"two_factor"')) return result;
      armed = false;
      return Promise.resolve(result).then(async (rows) => {
        await meanwhile();
        return rows;
      });
    } as typeof query;
    try {
      return await run();
    } finally {
      pg.Client.prototype.query = query;
    }
  }

  it("never turns on a secret other than the one the first code was checked against, when a set-up starts again meanwhile", { timeout: 90_000 }, async () => {
    const ana = await makeUser(db, "ana@example.com");
    servers = await serversOn(db, 2);
    const [confirming, restarting] = servers.dbs;
    await startTwoFactorSetup(db, { userId: ana.id, now: NOW });
    const checked = (await getTwoFactor(db, { userId: ana.id }))!.secretSealed;
    const secret = (await pendingTwoFactorSecret(db, { userId: ana.id }))!;
    // Another tab starts over on another server just after this confirmation read the secret its code is checked against.
    const result = await afterTheSecretIsRead(
      () => startTwoFactorSetup(restarting, { userId: ana.id, now: NOW }),
      () => confirmTwoFactorSetup(confirming, { userId: ana.id, email: ana.email, address: "10.1.0.1", now: NOW, password: PASSWORD, code: codeAt(secret, NOW) }),
    );
    expect(result).toMatchObject({ ok: false, field: "code", reason: "no-setup" });
    const row = (await getTwoFactor(db, { userId: ana.id }))!;
    expect(row.enabledAt).toBeNull();
    expect(row.secretSealed).not.toBe(checked);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id))).toEqual([]);
    // The new set-up is whole: its own first code turns it on.
    const again = (await pendingTwoFactorSecret(db, { userId: ana.id }))!;
    const on = await confirmTwoFactorSetup(restarting, { userId: ana.id, email: ana.email, address: "10.1.0.1", now: NOW, password: PASSWORD, code: codeAt(again, NOW) });
    expect(on.ok).toBe(true);
    expect((await getTwoFactor(db, { userId: ana.id }))!).toMatchObject({ secretSealed: row.secretSealed, enabledAt: NOW });
  });
});
