// One production server for a fault scenario: `node server.mjs` (or `npm
// start`) on 127.0.0.1, its own database and log, and its pid, so that a
// scenario can kill -9 it, signal it, or watch it refuse to start.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import net from "node:net";
import path from "node:path";

export type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type AppServer = {
  pid: number;
  url: string;
  logFile: string;
  /** Resolves once /health answers; rejects if the server exits first or the timeout passes. */
  ready: Promise<void>;
  exit: Promise<Exit>;
  kill: (signal: NodeJS.Signals) => void;
};

export type StartOptions = {
  port: number;
  dbPath: string;
  logFile: string;
  env?: Record<string, string>;
  /** "npm" runs `npm start`, to check that a signal to the npm wrapper reaches the server. */
  via?: "node" | "npm";
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Run as this user (root only): a read-only file is read-only only to someone who is not root. */
  uid?: number;
};

export function startServer({ port, dbPath, logFile, env = {}, via = "node", nodeArgs = [], timeoutMs = 60_000, uid }: StartOptions): AppServer {
  const log = createWriteStream(logFile, { flags: "a" });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SHORTLIST_DB_PATH: dbPath, PORT: String(port), ...env };
  const options = { env: childEnv, stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"], uid, gid: uid };
  const child =
    via === "npm"
      ? spawn("npm", ["start", "--silent"], options)
      : spawn(process.execPath, [...nodeArgs, path.join(process.cwd(), "server.mjs"), "-H", "127.0.0.1", "-p", String(port)], options);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exit = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })));
  let exited = false;
  void exit.then(() => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`the server exited before it was ready; see ${logFile}`);
      try {
        const res = await fetch(`${url}/health`);
        await res.text();
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the server was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
  })();
  return { pid: child.pid!, url, logFile, ready, exit, kill: (signal) => void child.kill(signal) };
}

/** Whether anything still accepts connections on the port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

