// The reminder scheduler as a process of its own, for when the web servers
// run with SHORTLIST_SCHEDULER=off.
//   npm run worker
// Same database and environment as the servers (DATABASE_URL or
// SHORTLIST_DB_PATH, AUTH_SECRET, SHORTLIST_SMTP_URL…). Stops cleanly on
// SIGTERM or SIGINT: the pass under way finishes, the database is closed, exit 0.
import { openConfigured } from "../db/open-configured";
import { startReminders } from "../lib/reminders/start";

async function main() {
  const { db, where, close } = await openConfigured(undefined, { needsSecret: true });
  const scheduler = startReminders(db);
  console.info(`reminder worker running on ${where}`);
  // Timers are unref'd so that they never hold a server up: this keeps the worker alive until a signal.
  const alive = setInterval(() => {}, 1 << 30);

  async function stop(signal: string) {
    console.info(`${signal}: stopping the reminder scheduler`);
    await scheduler.stop();
    clearInterval(alive);
    await close();
    console.info("reminder worker stopped");
    process.exit(0);
  }
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
