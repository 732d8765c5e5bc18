import type Database from "better-sqlite3";

/**
 * Makes every transaction that changes a row fail at COMMIT, as a full disk
 * does, with no special mount: a TEMP trigger on each table files a row that
 * breaks a deferred foreign key, and SQLite checks deferred keys only at
 * commit. Like ENOSPC under WAL, the statements all succeed and the commit
 * is what fails; an autocommit `INSERT … RETURNING` read with `.get()` even
 * hands back its row and then loses it, exactly as on a full disk. TEMP
 * objects live in this connection only, so nothing reaches the schema.
 */
export function failCommits(sqlite: Database.Database): { restore: () => void } {
  const tables = (
    sqlite.prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  sqlite.exec(`
    create temp table commit_fault_target (id integer primary key);
    create temp table commit_fault (ref integer references commit_fault_target (id) deferrable initially deferred);
  `);
  for (const table of tables) {
    for (const change of ["insert", "update", "delete"]) {
      sqlite.exec(
        `create temp trigger "commit_fault_${table}_${change}" after ${change} on main."${table}" begin insert into commit_fault (ref) values (-1); end;`,
      );
    }
  }
  return {
    restore() {
      for (const table of tables) for (const change of ["insert", "update", "delete"]) sqlite.exec(`drop trigger temp."commit_fault_${table}_${change}"`);
      sqlite.exec("drop table temp.commit_fault; drop table temp.commit_fault_target;");
    },
  };
}

/** Every row of every table, to prove a failed write left nothing behind. */
export function everyRow(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite.prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
    name: string;
  }[];
  return Object.fromEntries(tables.map(({ name }) => [name, sqlite.prepare(`select * from main."${name}" order by rowid`).all()]));
}
