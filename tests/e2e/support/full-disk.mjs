// A test-only fault for the browser tests' second server (playwright.config.ts):
// while the file named by SHORTLIST_FAULT_SWITCH exists, the server's
// database is full. Loaded with `node --import`; nothing in the app knows of
// it, so no setting can turn it on in production.
//
// The fault is SQLite's own: the database may not grow past its current
// pages (max_page_count), and a TEMP trigger on every table adds a blob
// larger than its free pages with each change. Every write then fails with
// a real SQLITE_FULL ("database or disk is full") while reads go on, which
// is what a full disk does, minus the disk.
import fs from "node:fs";
import path from "node:path";
// The same module instance the app requires, so the patch below is the app's.
import Database from "better-sqlite3";

const SWITCH = process.env.SHORTLIST_FAULT_SWITCH;
const DB_FILE = process.env.SHORTLIST_DB_PATH && path.resolve(process.env.SHORTLIST_DB_PATH);
// Refuse to run against anything but a throwaway test database.
if (!SWITCH || !DB_FILE || !DB_FILE.split(path.sep).some((part) => part.startsWith(".e2e-"))) {
  throw new Error("full-disk.mjs is a test fault: set SHORTLIST_FAULT_SWITCH and a SHORTLIST_DB_PATH inside a .e2e-* folder");
}

const BALLAST = "e2e_ballast";
const CHANGES = ["insert", "update", "delete"];
const prepare = Database.prototype.prepare;
const exec = Database.prototype.exec;
// Per connection: max_page_count and TEMP triggers belong to the connection
// that set them, and the app writes on one connection and reads on others.
const full = new WeakMap();
let syncing = false;

function tables(db) {
  return prepare
    .call(db, `select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '${BALLAST}'`)
    .all()
    .map((row) => row.name);
}

function fill(db) {
  exec.call(db, `create table if not exists main.${BALLAST} (b blob)`);
  const pages = prepare.call(db, "pragma page_count").pluck().get();
  const free = prepare.call(db, "pragma freelist_count").pluck().get();
  const pageSize = prepare.call(db, "pragma page_size").pluck().get();
  prepare.call(db, `pragma max_page_count = ${pages}`).run();
  const blob = (free + 8) * pageSize;
  for (const table of tables(db)) {
    for (const change of CHANGES) {
      exec.call(
        db,
        `create temp trigger if not exists "e2e_full_${table}_${change}" after ${change} on main."${table}" begin insert into main.${BALLAST} (b) values (zeroblob(${blob})); end;`,
      );
    }
  }
}

function empty(db) {
  for (const table of tables(db)) for (const change of CHANGES) exec.call(db, `drop trigger if exists temp."e2e_full_${table}_${change}"`);
  prepare.call(db, "pragma max_page_count = 4294967294").run();
}

/** Fills or empties the database to match the switch: on a connection that writes, and only between transactions. */
function sync(db) {
  if (syncing || db.inTransaction || db.name !== DB_FILE) return;
  syncing = true;
  try {
    // The app's readers are query_only: nothing they do can fill the disk.
    if (prepare.call(db, "pragma query_only").pluck().get()) return;
    const wanted = fs.existsSync(SWITCH);
    if (wanted === (full.get(db) ?? false)) return;
    (wanted ? fill : empty)(db);
    full.set(db, wanted);
  } finally {
    syncing = false;
  }
}

// Checked before each statement, each BEGIN the app issues and each
// transaction that starts outside one, so a switch flipped by a test applies
// to the server's next request.
Database.prototype.prepare = function (...args) {
  sync(this);
  return prepare.apply(this, args);
};
Database.prototype.exec = function (...args) {
  sync(this);
  return exec.apply(this, args);
};
const transaction = Database.prototype.transaction;
Database.prototype.transaction = function (fn) {
  const run = transaction.call(this, fn);
  const checked = (variant) => (...args) => {
    sync(this);
    return variant(...args);
  };
  const wrapped = checked(run);
  for (const behaviour of ["deferred", "immediate", "exclusive"]) wrapped[behaviour] = checked(run[behaviour]);
  return wrapped;
};
