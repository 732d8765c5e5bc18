// The reminder scheduler as a process of its own, for when the web servers
// run with SHORTLIST_SCHEDULER=off.
//   npm run worker
// Same database and environment as the servers (SHORTLIST_DB_PATH,
// SHORTLIST_SMTP_URL…). Stops cleanly on SIGTERM or SIGINT: the pass under
// way finishes, the database is closed, exit 0.
import { databasePath } from "../db/location";
import { openDatabase } from "../db/open";
import { startReminders } from "../lib/reminders/start";

const { db, close } = openDatabase(databasePath());
const scheduler = startReminders(db);
// Timers are unref'd so that they never hold a server up: this keeps the worker alive until a signal.
const alive = setInterval(() => {}, 1 << 30);

async function stop(signal: string) {
  console.info(`${signal}: stopping the reminder scheduler`);
  await scheduler.stop();
  clearInterval(alive);
  close();
  console.info("reminder worker stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
