import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

// The same holder `npm run bench:faults` uses against a running server.
const SCRIPT = path.resolve("bench/faults/hold-write-lock.mjs");

export type LockHolder = { pid: number; release: () => Promise<void> };

/** Another process holding the database's write lock until released. */
export async function holdWriteLock(file: string): Promise<LockHolder> {
  const child = spawn(process.execPath, [SCRIPT, file], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      lines.on("line", (line) => line === word && resolve());
      child.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before saying ${word}`)));
    });
  await said("locked");
  return {
    pid: child.pid!,
    release: async () => {
      const released = said("released");
      child.stdin.write("release\n");
      await released;
    },
  };
}
