// npm start: the production server on Next's programmatic API, run by Node
// itself so that SIGTERM and SIGINT reach the process that serves (`next
// start` hands requests to a child that a signal to the npm wrapper missed).
//   node server.mjs [-p 3000] [-H 127.0.0.1]       (PORT works too)
//
// On SIGTERM or SIGINT it stops accepting connections, lets the requests in
// flight finish (up to SHORTLIST_SHUTDOWN_SECONDS, default 10), closes idle
// keep-alive connections at once and busy ones after their response, stops
// the reminder scheduler once its pass under way is done, checkpoints the
// WAL into the database file, closes the database and exits 0.
// A database it cannot use stops the start (instrumentation.ts) with one line
// and exit code 1.
//
// Everything it and Next write goes out as JSON lines (lib/log/json-lines.mjs,
// installed first, before Next loads), each with the id of the request it
// belongs to; the id is also sent back in the X-Request-Id header.
import { installJsonLines, requestContext } from "./lib/log/json-lines.mjs";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: false,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Links in reminder emails fall back to this port when SHORTLIST_URL is not set (lib/reminders/email.ts).
process.env.PORT = String(port);
const hostname = typeof args.hostname === "string" ? args.hostname : undefined;
const deadlineMs = Number(process.env.SHORTLIST_SHUTDOWN_SECONDS ?? 10) * 1000;
const log = installJsonLines();
const say = (line) => log.line("info", line);

// This file owns the signals; Next must not exit on them first.
process.env.NEXT_MANUAL_SIG_HANDLE = "1";

const app = next({ dev: false, dir: import.meta.dirname, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

let stopping = false;
const inFlight = new Set();

const server = createServer((req, res) => {
  inFlight.add(res);
  res.on("close", () => inFlight.delete(res));
  // A keep-alive connection that sends one more request while we stop gets
  // its answer and is then closed, instead of being kept for the next one.
  if (stopping) res.setHeader("Connection", "close");
  const id = randomUUID();
  res.setHeader("X-Request-Id", id);
  // The path without its query: a query may carry a token (the calendar feed's is in its path, and is cut).
  const path = (req.url ?? "/").split("?")[0].replace(/^\/calendar\/.*/, "/calendar/…").replace(/^\/(api\/)?unsubscribe\/.*/, "/$1unsubscribe/…").replace(/^\/reset-password\/.*/, "/reset-password/…").replace(/^\/sign-up\/finish\/.*/, "/sign-up/finish/…");
  requestContext.run({ id, request: `${req.method} ${path.slice(0, 200)}` }, () => handle(req, res));
});

async function shutDown(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  say(`${signal}: no new connections; finishing ${inFlight.size} request(s) in flight (up to ${deadlineMs / 1000} s)`);
  server.close();
  // Node closes a keep-alive connection that is idle at close(); one that
  // becomes idle later is closed by these sweeps, so none keeps the port.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  while (inFlight.size > 0 && Date.now() - started < deadlineMs) await new Promise((r) => setTimeout(r, 25));
  clearInterval(sweep);
  const unfinished = inFlight.size;
  server.closeAllConnections();
  if (unfinished) say(`${unfinished} request(s) still running at the deadline were cut off`);
  // The reminders' pass under way finishes first: it may be sending (lib/reminders/start.ts).
  const scheduler = globalThis[Symbol.for("shortlist.stopScheduler")];
  if (scheduler && typeof scheduler.stop === "function") {
    await scheduler.stop();
    say("reminder scheduler stopped");
  }
  // Registered by db/client.ts when it opened the database.
  const closeDatabase = globalThis[Symbol.for("shortlist.closeDatabase")];
  // A string from SQLite's checkpoint, a promise of one from Postgres' pool.
  if (typeof closeDatabase === "function") say(await closeDatabase());
  say(`stopped in ${Date.now() - started} ms`);
  process.exit(0);
}

process.once("SIGTERM", () => void shutDown("SIGTERM"));
process.once("SIGINT", () => void shutDown("SIGINT"));

try {
  // Runs instrumentation.ts: the database is opened, checked and migrated here.
  await app.prepare();
} catch (error) {
  log.line("error", `Shortlist can't start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

server.on("error", (error) => {
  log.line("error", `Shortlist can't start: ${error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  say(`ready on http://${hostname ?? "localhost"}:${port}`);
});
