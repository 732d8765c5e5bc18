// One engine's figures as the bench prints them, and `--engine postgres`'s
// comparison: Postgres against SQLite, measured in the same run on the same
// build, with the targets (the 5,000-application dashboard, cached
// and right after a write to one application, within 1.5× of SQLite's).
import type { ClientResult, CpuResult, Machine, PageResult, RestartResult, SizeResult, Step, Verdict } from "./report";
import { clientMarkdown, markdown } from "./report";
import type { EngineName } from "./engine";
import { listPagingMarkdown, type ListPaging } from "./list-paging";
import type { HeadToHead } from "./head-to-head";
import type { StatementCount } from "./statements";

export type EnginePass = {
  engine: EngineName;
  machine: Machine;
  pages: PageResult[];
  listPaging: ListPaging;
  heavyLabel: string;
  sizes: SizeResult[];
  steps: Step[];
  cpu: CpuResult;
  restart: RestartResult;
  checks: Verdict[];
  client: ClientResult | null;
  /** Postgres only: the statements a dashboard request runs. */
  statements: StatementCount[];
};

/** The bound on Postgres against SQLite, for the dashboard at 5,000 applications. */
export const POSTGRES_TIMES_SQLITE = 1.5;
/** The account the head-to-head times: run.ts's heavy one. */
const AT = 5_000;

const ms = (n: number) => (!Number.isFinite(n) ? "—" : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const thousands = (n: number) => n.toLocaleString("en-US");

/** The tables `npm run bench` prints for one engine. */
export function engineMarkdown(p: EnginePass, timing: { warmUp: number; seconds: number }): string {
  const out = [markdown(p.machine, p.pages, p.sizes, p.steps, p.checks, timing, { cpu: p.cpu, restart: p.restart }), listPagingMarkdown(p.listPaging, p.heavyLabel)];
  if (p.client) out.push(clientMarkdown(p.client));
  return out.join("\n\n");
}

export type ComparisonRow = { measure: string; sqlite: number; postgres: number; unit: "ms" | "req/s"; times: number };

export function engineComparison(sqlite: EnginePass, postgres: EnginePass, turns: HeadToHead): { markdown: string; rows: ComparisonRow[]; checks: Verdict[] } {
  const rows: ComparisonRow[] = [];
  const row = (measure: string, a: number | null | undefined, b: number | null | undefined, unit: ComparisonRow["unit"] = "ms") => {
    if (a === null || a === undefined || b === null || b === undefined) return;
    rows.push({ measure, sqlite: a, postgres: b, unit, times: b / a });
  };
  for (const s of sqlite.sizes) {
    const p = postgres.sizes.find((x) => x.applications === s.applications);
    if (!p) continue;
    const n = thousands(s.applications);
    row(`dashboard, ${n}: cached (timed like the writes, median)`, s.cachedLoop.medianMs, p.cachedLoop.medianMs);
    row(`dashboard, ${n}: after a write to one application (median)`, s.afterWrite.medianMs, p.afterWrite.medianMs);
    row(`dashboard, ${n}: cached, 1 connection p50 (autocannon)`, s.oneConnection.p50Ms, p.oneConnection.p50Ms);
    row(`dashboard, ${n}: after a user-wide write (median)`, s.cold.medianMs, p.cold.medianMs);
    row(`floor, ${n} (raw SQL + guide, in the bench's process)`, s.floor.medianMs, p.floor.medianMs);
  }
  for (const s of sqlite.pages) {
    const p = postgres.pages.find((x) => x.page === s.page && x.account === s.account);
    if (!p) continue;
    row(`${s.page}, ${s.account}: p50 at 10 connections`, s.p50Ms, p.p50Ms);
    row(`${s.page}, ${s.account}: req/s at 10 connections`, s.requestsPerSecond, p.requestsPerSecond, "req/s");
  }
  row("app server CPU per heavy dashboard (the database's own CPU not included)", sqlite.cpu.heavyMs, postgres.cpu.heavyMs);
  row("app server CPU per light dashboard", sqlite.cpu.lightMs, postgres.cpu.lightMs);
  row("first dashboard after a restart, parts stored", sqlite.restart.stored.firstMs, postgres.restart.stored.firstMs);

  // The verdicts take the head-to-head timings: both servers up, timed in turn, so under the same load.
  const check = (what: string, a: number, b: number): Verdict => ({
    target: `Postgres dashboard ${what} ≤ ${POSTGRES_TIMES_SQLITE}× SQLite's, ${thousands(AT)} applications (timed in turn)`,
    measured: `${ms(b)} ms against ${ms(a)} ms, ${(b / a).toFixed(2)}×`,
    met: b / a <= POSTGRES_TIMES_SQLITE,
    by: `${(b / a / POSTGRES_TIMES_SQLITE).toFixed(2)}× the target`,
  });
  const checks: Verdict[] = [
    check("cached", turns.sqlite.cachedMs, turns.postgres.cachedMs),
    check("right after a write to one application", turns.sqlite.afterWriteMs, turns.postgres.afterWriteMs),
  ];

  const out: string[] = [];
  out.push("## PostgreSQL against SQLite (the same run, the same build)");
  out.push("");
  out.push(`Load average (1/5/15 min): SQLite's pass ${loads(sqlite.machine.loadAverageStart)} → ${loads(sqlite.machine.loadAverageEnd)}, Postgres' ${loads(postgres.machine.loadAverageStart)} → ${loads(postgres.machine.loadAverageEnd)}`);
  out.push("");
  out.push(
    `Head to head (both servers running, ${turns.rounds} rounds of ${turns.runsPerRound} requests on each in turn, medians), the heavy dashboard at ${thousands(AT)} applications:`,
  );
  out.push("");
  out.push("| dashboard | SQLite ms | PostgreSQL ms | Postgres × SQLite |");
  out.push("| --- | ---: | ---: | ---: |");
  out.push(`| cached | ${ms(turns.sqlite.cachedMs)} | ${ms(turns.postgres.cachedMs)} | ${(turns.postgres.cachedMs / turns.sqlite.cachedMs).toFixed(2)} |`);
  out.push(`| right after a write to one application | ${ms(turns.sqlite.afterWriteMs)} | ${ms(turns.postgres.afterWriteMs)} | ${(turns.postgres.afterWriteMs / turns.sqlite.afterWriteMs).toFixed(2)} |`);
  out.push("");
  out.push("Each pass's own figures (the passes ran one after the other, so the load differs between them):");
  out.push("");
  out.push("| measure | SQLite | PostgreSQL | Postgres × SQLite |");
  out.push("| --- | ---: | ---: | ---: |");
  for (const r of rows) {
    const unit = r.unit === "ms" ? " ms" : " req/s";
    out.push(`| ${r.measure} | ${ms(r.sqlite)}${unit} | ${ms(r.postgres)}${unit} | ${Number.isFinite(r.times) ? r.times.toFixed(2) : "—"} |`);
  }
  if (postgres.statements.length) {
    out.push("");
    out.push("### Postgres statements per dashboard request (pg_stat_statements; BEGIN, SET, the lock and COMMIT included; the bench's own writes not)");
    out.push("");
    out.push("| request | requests | statements per request | server execution ms per request | costliest statements (calls, total ms) |");
    out.push("| --- | ---: | ---: | ---: | --- |");
    for (const c of postgres.statements) {
      const top = c.top.slice(0, 3).map((t) => `\`${t.query.replace(/\|/g, "\\|")}\` (${t.calls}, ${ms(t.totalMs)})`).join("<br>");
      out.push(`| ${c.label} | ${c.requests} | ${c.perRequest.toFixed(1)} | ${ms(c.msPerRequest)} | ${top} |`);
    }
  }
  out.push("");
  out.push("### Targets, Postgres against SQLite");
  out.push("");
  out.push("| target | measured | met | |");
  out.push("| --- | --- | --- | --- |");
  for (const c of checks) out.push(`| ${c.target} | ${c.measured} | ${c.met ? "yes" : "**no**"} | ${c.by} |`);
  return { markdown: out.join("\n"), rows, checks };
}

const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
