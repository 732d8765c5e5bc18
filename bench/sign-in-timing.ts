// Prints how long a sign-in takes, in-process: a wrong password and an
// unknown email (which must be indistinguishable to someone timing them), the
// right password, and the right password then a two-factor code. Then
// sign-up with a new email (the account made, then signed in, as the form
// does) against an email that has an account: those two must match too.
//   npm run bench:sign-in [-- ROUNDS]
import { randomBytes } from "node:crypto";
import os from "node:os";
import { eq } from "drizzle-orm";
import { openDatabase } from "../db/open";
import { signInThrottle, twoFactor } from "../db/schema";
import { write } from "../db/write";
import { dummyPasswordHash, hashPassword } from "../lib/auth/password";
import { signInAttempt } from "../lib/auth/sign-in";
import { registerAccount } from "../lib/auth/sign-up";
import { totpCodeAt } from "../lib/auth/totp";
import { confirmTwoFactorSetup, pendingTwoFactorSecret, startTwoFactorSetup } from "../lib/auth/two-factor";
import { createUser } from "../lib/data/users";
import { redirectLog } from "../lib/security-log";

const rounds = Number(process.argv[2] ?? 20);
// Sealing needs a secret; this one lives only as long as the bench.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
// One security line per attempt would drown the table.
redirectLog({ write: () => {} });

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");

async function main() {
  const { db } = openDatabase(":memory:");
  const passwordHash = await hashPassword("the right one");
  await createUser(db, { name: "Bench", email: "bench@example.com", passwordHash });
  const withCode = await createUser(db, { name: "Bench 2FA", email: "bench-2fa@example.com", passwordHash });
  if (!withCode) throw new Error("could not create the two-factor bench account");
  const now = () => new Date();
  await startTwoFactorSetup(db, { userId: withCode.id, now: now() });
  const secret = await pendingTwoFactorSecret(db, { userId: withCode.id });
  if (!secret) throw new Error("no two-factor secret pending for the bench account");
  const enabled = await confirmTwoFactorSetup(db, { userId: withCode.id, email: withCode.email, address: null, now: now(), password: "the right one", code: totpCodeAt(secret, now()) });
  if (!enabled.ok) throw new Error("could not turn two-factor on for the bench account");
  await dummyPasswordHash(); // made at server start in the app, too

  const resetBetweenAttempts = () =>
    write(db, { key: "bench" }, async (tx) => {
      await tx.delete(signInThrottle);
      await tx.update(twoFactor).set({ lastUsedStep: null }).where(eq(twoFactor.userId, withCode.id));
    });
  const context = () => ({ address: "127.0.0.1", userAgent: "bench", now: now() });
  const attempt = (raw: object) => signInAttempt(db, raw, context());
  let signUps = 0;
  const signUp = async (email: string) => {
    const input = { name: "Bench Sign-up", email, password: "plum cobalt yonder kettle" };
    const made = await registerAccount(db, { input, address: null, now: now(), env: {} });
    // The sign-up form signs a new account in at once: that check is part of what its answer costs.
    if (made.ok) await attempt({ email, password: input.password });
    return made;
  };
  const cases: Record<string, () => Promise<unknown>> = {
    "wrong password": () => attempt({ email: "bench@example.com", password: "a wrong one" }),
    "unknown email": () => attempt({ email: "nobody@example.com", password: "a wrong one" }),
    "right password (no two-factor)": () => attempt({ email: "bench@example.com", password: "the right one" }),
    "right password, then a code (two-factor, both steps)": async () => {
      const first = await attempt({ email: "bench-2fa@example.com", password: "the right one" });
      if (first.kind !== "two-factor-required") throw new Error(`expected a challenge, got ${first.kind}`);
      const second = await attempt({ challenge: first.challenge, code: totpCodeAt(secret, now()) });
      if (second.kind !== "signed-in") throw new Error(`the code was refused: ${JSON.stringify(second)}`);
    },
    "sign-up, new email (made, then signed in)": async () => {
      if (!(await signUp(`new-${signUps++}@example.com`)).ok) throw new Error("the new account was refused");
    },
    "sign-up, email that has an account": async () => {
      if ((await signUp("bench@example.com")).ok) throw new Error("a taken email made an account");
    },
  };
  const codeOnly: number[] = [];
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const loadBefore = loadAverage();
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so drift in machine load hits every case alike.
    for (const [name, run] of Object.entries(cases)) {
      // Measure the check, not the throttle; and a code is accepted once per
      // 30-second step, while the bench signs in many times a step.
      await resetBetweenAttempts();
      times[name].push(await timeOnce(run));
    }
    // The code step alone, from a fresh challenge.
    await resetBetweenAttempts();
    const first = await attempt({ email: "bench-2fa@example.com", password: "the right one" });
    if (first.kind === "two-factor-required") codeOnly.push(await timeOnce(() => attempt({ challenge: first.challenge, code: totpCodeAt(secret, now()) })));
    process.stderr.write(`\rround ${i + 1}/${rounds}`);
  }
  process.stderr.write("\n");
  times["the code step alone"] = codeOnly;
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`);
  console.log(`Load average (1/5/15 min) at start ${loadBefore}, at end ${loadAverage()}`);
  console.log("");
  console.log(`| case | median ms | p10 ms | p90 ms |  (${rounds} rounds)`);
  console.log("| --- | --- | --- | --- |");
  for (const [name, ms] of Object.entries(times)) {
    const s = summary(ms);
    console.log(`| ${name} | ${s.median.toFixed(1)} | ${s.p10.toFixed(1)} | ${s.p90.toFixed(1)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
