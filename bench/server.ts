// The production build and server for the benchmark: `npm start`'s server
// (server.mjs), in its own process group so that stopping it signals the
// whole group and nothing is left holding the port.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import net from "node:net";
import path from "node:path";

const NEXT = path.join(process.cwd(), "node_modules", ".bin", "next");
const SERVER = path.join(process.cwd(), "server.mjs");

/** Runs `next build` with its output on stderr, keeping stdout for the results; rejects when it fails. */
export function build(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NEXT, ["build"], { stdio: ["ignore", process.stderr, process.stderr], env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The first free port from `first` up. */
export async function freePort(first: number, tries = 10): Promise<number> {
  for (let port = first; port < first + tries; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${first}-${first + tries - 1}`);
}

export type Server = { url: string; stop: () => Promise<void>; ready: Promise<void>; pid: number | undefined };

/**
 * Starts the production server on 127.0.0.1; `ready` resolves once /sign-in answers
 * 200. `stop` is usable at once, so Ctrl-C during start-up leaves nothing
 * behind. The server's output goes to `logFile`, to read its errors afterwards;
 * `nodeArgs` go to Node itself (a profiler's flags, which NODE_OPTIONS refuses).
 */
export function start(port: number, env: NodeJS.ProcessEnv, logFile: string, timeoutMs = 90_000, nodeArgs: string[] = []): Server {
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER, "-H", "127.0.0.1", "-p", String(port)], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: number | null | undefined;
  const gone = new Promise<void>((resolve) => child.once("exit", (code) => ((exited = code), resolve())));

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // the group is already gone
    }
    const killed = await Promise.race([gone.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!killed) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // exited between the check and the kill
      }
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited !== undefined) throw new Error(`the server exited with ${exited}; see ${logFile}`);
      try {
        const res = await fetch(`${url}/sign-in`, { redirect: "manual" });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the server did not answer /sign-in within ${timeoutMs / 1000} s; see ${logFile}`);
  })();
  return { url, stop, ready, pid: child.pid };
}
