// Prints how long the guidance engine takes to advise on 5,000 applications,
// the size of a very busy dashboard: guide() per application, which the
// dashboard runs (open steps, put-aside steps and the next check-in). The applications are made up, but from a
// fixed seed, so every run times the same work.
//   npm run bench:guidance [-- ITERATIONS]
import os from "node:os";
import { guidanceInputSchema } from "@/lib/guidance/input";
import { guide } from "@/lib/guidance/recommend";
import { createGenerator } from "./generate";

const iterations = Number(process.argv[2] ?? 20);
const APPLICATIONS = 5_000;
const SEED = 20_261_125;
/** The dashboard is read at this instant in every iteration. */
const NOW = new Date("2026-11-25T12:00:00Z");
const { application } = createGenerator({ seed: SEED, now: NOW });

function timeOnce(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0] };
}

function main() {
  const inputs = Array.from({ length: APPLICATIONS }, (_, i) => application(i));
  const invalid = inputs.findIndex((input) => !guidanceInputSchema.safeParse(input).success);
  if (invalid !== -1) throw new Error(`generated application ${invalid} does not pass guidanceInputSchema`);

  let produced = 0;
  let checkIns = 0;
  /** How long each answer holds (ms from NOW), and how many read the other applications: what a per-application cache pays in recomputation. */
  let holds: number[] = [];
  let readOthers = 0;
  const adviseAll = () => {
    produced = 0;
    checkIns = 0;
    holds = [];
    readOthers = 0;
    for (const input of inputs) {
      const g = guide(input, NOW);
      produced += g.steps.length;
      if (g.checkIn) checkIns++;
      holds.push(g.changesAt - NOW.getTime());
      if (g.readsOtherApplications) readOthers++;
    }
  };
  adviseAll(); // warm-up: let the JIT see every rule before the clock runs
  const expected = produced;

  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    times.push(timeOnce(adviseAll));
    if (produced !== expected) throw new Error(`iteration ${i + 1} produced ${produced} steps, the warm-up ${expected}`);
    process.stderr.write(`\riteration ${i + 1}/${iterations}`);
  }
  process.stderr.write("\n");

  const s = summary(times);
  const roundCount = inputs.reduce((n, x) => n + x.rounds.length, 0);
  const eventCount = inputs.reduce((n, x) => n + x.events.length, 0);
  console.log(`Node ${process.version} on ${os.cpus()[0]?.model ?? "an unknown CPU"} (${os.cpus().length} cores)`);
  console.log(`${APPLICATIONS} applications, ${roundCount} rounds, ${eventCount} events (seed ${SEED}); ${expected} recommendations and ${checkIns} check-ins per pass`);
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")} (1, 5, 15 min): figures from a busy machine are noisy`);
  console.log(`${iterations} timed passes after one warm-up; advice as of ${NOW.toISOString()}`);
  console.log("");
  console.log(`| guide() over ${APPLICATIONS} applications | median | p90 | min | per application (median) |`);
  console.log("| --- | --- | --- | --- | --- |");
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`| one pass | ${ms(s.median)} | ${ms(s.p90)} | ${ms(s.min)} | ${((s.median * 1000) / APPLICATIONS).toFixed(1)} µs |`);
  console.log("");
  const finite = holds.filter(Number.isFinite).sort((a, b) => a - b);
  const held = (q: number) => `${((finite[Math.min(finite.length - 1, Math.floor(q * finite.length))] ?? 0) / 60_000).toFixed(1)} min`;
  // The generator dates things in whole hours and days from NOW, so many
  // answers sit exactly on a wording edge ("in 3 days") and change 1 ms on.
  console.log(`answers that time alone changes: ${finite.length} of ${APPLICATIONS}; held for ${held(0.25)} (p25), ${held(0.5)} (median), ${held(0.9)} (p90)`);
  console.log(`answers that read the other applications' count: ${readOthers} of ${APPLICATIONS}`);
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exitCode = 1;
}
