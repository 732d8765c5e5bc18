// A second process that takes the database's write lock and keeps it, as a
// backup or a script would: it writes a row inside BEGIN IMMEDIATE, says
// "locked", and commits when told "release" on stdin (or rolls back when
// told "abort"). Used by tests and by `npm run bench:faults`.
//   node hold-write-lock.mjs <database file> [seconds to hold, then commit]
import { createRequire } from "node:module";
import readline from "node:readline";

const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");

const [file, seconds] = process.argv.slice(2);
const db = new Database(file);
db.pragma("busy_timeout = 10000");
db.exec("BEGIN IMMEDIATE");
db.prepare("insert into sign_in_throttle (key, failures, window_started_at) values (?, 1, 0)").run(`lock-holder:${process.pid}`);
process.stdout.write("locked\n");

const finish = (how) => {
  db.exec(how === "abort" ? "ROLLBACK" : "COMMIT");
  db.close();
  process.stdout.write("released\n");
  process.exit(0);
};
if (seconds) setTimeout(() => finish("release"), Number(seconds) * 1000);
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "release" || line === "abort") finish(line);
});
