// Prints how long a sign-in check takes for a wrong password and for an
// unknown email: the two must be indistinguishable to someone timing them.
//   npm run bench:sign-in [-- ROUNDS]
import { openDatabase } from "../db/open";
import { signInThrottle } from "../db/schema";
import { checkCredentials } from "../lib/auth/credentials";
import { dummyPasswordHash, hashPassword } from "../lib/auth/password";
import { createUser } from "../lib/data/users";

const rounds = Number(process.argv[2] ?? 20);

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

async function main() {
  const { db } = openDatabase(":memory:");
  createUser(db, { name: "Bench", email: "bench@example.com", passwordHash: await hashPassword("the right one") });
  await dummyPasswordHash(); // made at server start in the app, too

  const cases = {
    "wrong password": { email: "bench@example.com", password: "a wrong one" },
    "unknown email": { email: "nobody@example.com", password: "a wrong one" },
    "right password": { email: "bench@example.com", password: "the right one" },
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so drift in machine load hits every case alike.
    for (const [name, creds] of Object.entries(cases)) {
      db.delete(signInThrottle).run(); // measure the check, not the throttle
      times[name].push(await timeOnce(() => checkCredentials(db, creds, "127.0.0.1", new Date())));
    }
    process.stderr.write(`\rround ${i + 1}/${rounds}`);
  }
  process.stderr.write("\n");
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
