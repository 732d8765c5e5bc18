#!/usr/bin/env node
// npm run test:hours [-- --no-build] [--date YYYY-MM-DD] [--hours 00:30,08:45,23:30] [--all] [--no-real] [playwright options]
//
// Runs the browser tests that depend on the time of day or on the date with
// every clock at a chosen instant: the two app servers, the server whose disk
// fills, the test runner (which seeds rows and computes "tomorrow") and
// Chromium all run under libfaketime with one offset, so each starts at the
// instant and keeps running from it, as a real day would. Then it runs the
// same specs once more on the real clock. Builds once, first (skip with
// --no-build). `--all` runs every spec instead of the time-sensitive ones.
//
// Needs the `faketime` command (Debian: apt-get install faketime; macOS:
// brew install libfaketime); installed here with apt-get when run as root.

import { spawnSync } from "node:child_process";

/**
 * The specs whose expectations turn on the hour or the date: where a step
 * falls between Today (until midnight in the user's zone) and Coming up, a
 * 09:00 due time, "tomorrow", a snooze to tomorrow morning, today's date as
 * a form's default and limit, an interview inside Today's 48 hours.
 */
export const TIME_SENSITIVE_SPECS = [
  // Today leads with tomorrow's interview; its preparation falls due at 09:00 the day before.
  "tests/e2e/today.spec.ts",
  // A screening call tomorrow ("Prepare: screening call, tomorrow"); Today against the check-ins.
  "tests/e2e/next-step-everywhere.spec.ts",
  // Overdue steps lead Today, a round five days out is Coming up, snoozes end at a time.
  "tests/e2e/guidance.spec.ts",
  // "Tomorrow morning" is 09:00 the next morning (this morning before 05:00); the applied
  // date defaults to today in the user's zone, and a later one is refused.
  "tests/e2e/forms-fit.spec.ts",
  // Silent applications are Today's first item, their follow-ups dated by the day.
  "tests/e2e/move-on.spec.ts",
  // A round three hours ago is past (yesterday's date just after midnight), one in three days to come.
  "tests/e2e/round-moments.spec.ts",
  // The list's next step and its order by when each falls due.
  "tests/e2e/list.spec.ts",
];

/** Just after midnight, a quarter before the 09:00 planning hour, and half an hour before midnight. */
const DEFAULT_HOURS = ["00:30", "08:45", "23:30"];
/**
 * The next Tuesday after today (UTC), so that every run sees the same kind of
 * week (a working day after a working day) and the instants are always ahead
 * of the real clock: Chromium's own clock (cookies' expiry) is the real one,
 * and a cookie the server dates by its clock must not be born expired.
 */
function nextTuesday() {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 2);
  return day.toISOString().slice(0, 10);
}
const DEFAULT_DATE = nextTuesday();

// Options of this script; anything else goes to `playwright test` (a spec, --grep, --workers ...).
const options = { "--date": DEFAULT_DATE, "--hours": DEFAULT_HOURS.join(",") };
const flags = new Set();
const passOn = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg in options) options[arg] = process.argv[++i];
  else if (["--no-build", "--all", "--no-real"].includes(arg)) flags.add(arg);
  else passOn.push(arg);
}
const date = options["--date"];
const hours = options["--hours"].split(",");
// Specs named on the command line replace the list; --all runs every spec.
const specs = flags.has("--all") || passOn.some((a) => !a.startsWith("-")) ? [] : TIME_SENSITIVE_SPECS;

function run(command, args, env = {}) {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join("")}${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

function haveFaketime() {
  return spawnSync("faketime", ["-f", "+0", "true"], { stdio: "ignore" }).status === 0;
}

if (!haveFaketime()) {
  if (process.getuid?.() === 0 && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0) {
    console.log("Installing faketime (libfaketime) with apt-get...");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (!run("apt-get", ["install", "-y", "-qq", "faketime"], env) && run("apt-get", ["update", "-qq"], env)) {
      run("apt-get", ["install", "-y", "-qq", "faketime"], env);
    }
  }
  if (!haveFaketime()) {
    console.error("test:hours needs the faketime command: apt-get install faketime (Debian/Ubuntu) or brew install libfaketime (macOS).");
    process.exit(2);
  }
}

if (!flags.has("--no-build") && !run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" })) process.exit(1);

const playwright = ["playwright", "test", "--reporter=list", ...specs, ...passOn];
const results = [];
for (const hour of hours) {
  const at = new Date(`${date}T${hour}:00Z`);
  if (Number.isNaN(at.getTime())) throw new Error(`not a date and hour: ${date} ${hour}`);
  // One offset for every process (a start-at time would restart in each child): the
  // clocks agree with one another and run on from the instant, as a real day's do.
  const offset = Math.round((at.getTime() - Date.now()) / 1000);
  const ok = run("faketime", ["-f", `${offset >= 0 ? "+" : ""}${offset}`, "npx", ...playwright, "--output", `test-results/hours-${hour.replace(":", "")}`], {
    // Node's timers and Chromium's frame scheduling keep the real monotonic clock.
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    // The fixtures check that the browser and the server really read this instant.
    E2E_CLOCK_AT: at.toISOString(),
  });
  results.push([`${date} ${hour} UTC`, ok]);
}
if (!flags.has("--no-real")) results.push(["the real clock", run("npx", [...playwright, "--output", "test-results/hours-real"])]);

console.log("\nTime-sensitive browser tests:");
for (const [when, ok] of results) console.log(`  ${ok ? "passed" : "FAILED"}  at ${when}`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
