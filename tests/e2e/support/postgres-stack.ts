import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import webpush from "web-push";
import { E2E_DATABASE_URL, MAIN_SERVER_ENV, POSTGRES_STACK } from "../../../playwright.config";
import { startCluster } from "../../unit/support/postgres-cluster";
import { startNginx } from "./nginx";

// Playwright's global set-up for the Postgres run (E2E_ENGINE=postgres): a
// throwaway cluster, two servers from the one `.next` build on its database
// (started together: the migration's advisory lock lets one migrate), with
// the settings every server of a host must share (docs/hosting.md), and
// nginx in front of them, round-robin. Returns the teardown.
// E2E_KEEP=1 keeps the folder with the servers' and nginx's logs.

type Server = { port: number; child: ChildProcess; log: string; exit: Promise<void> };

function startServer(dir: string, port: number, env: NodeJS.ProcessEnv): Server {
  const log = path.join(dir, `server-${port}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { port, child, log, exit };
}

async function ready(server: Server, timeoutMs: number): Promise<void> {
  let exited = false;
  void server.exit.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server on ${server.port} stopped at start:\n${readFileSync(server.log, "utf8").slice(-2000)}`);
    const status = await fetch(`http://127.0.0.1:${server.port}/health`).then((r) => (r.body?.cancel(), r.status)).catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server on ${server.port} did not answer /health within ${timeoutMs / 1000} s; see ${server.log}`);
}

async function stop(server: Server): Promise<void> {
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
  await server.exit;
  clearTimeout(timer);
}

/** Which server answered each of `n` consecutive requests through the proxy. */
export async function upstreamsOf(url: string, n: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/health`);
    await res.text();
    seen.push(res.headers.get("x-upstream") ?? "?");
  }
  return seen;
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-e2e-pg-"));
  const url = new URL(E2E_DATABASE_URL);
  const stopCluster = startCluster(url.port);
  const cleanUps: (() => Promise<void>)[] = [async () => stopCluster()];
  const teardown = async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp().catch((error: unknown) => console.error(error));
    if (process.env.E2E_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${url.pathname.slice(1)}`);
    await admin.end();

    const vapid = webpush.generateVAPIDKeys();
    // What every server of one Shortlist must share: docs/hosting.md.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...MAIN_SERVER_ENV,
      NODE_ENV: "production",
      DATABASE_URL: E2E_DATABASE_URL,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SHORTLIST_VAPID_PUBLIC_KEY: vapid.publicKey,
      SHORTLIST_VAPID_PRIVATE_KEY: vapid.privateKey,
      SHORTLIST_TRUST_PROXY: "1",
      // Nothing should be kept beside a database here; if something is, it lands in the throwaway folder.
      SHORTLIST_DB_PATH: path.join(dir, "data", "shortlist.db"),
    };
    // The workers inherit this process's environment: push.spec.ts checks browsers subscribe with this key.
    process.env.E2E_VAPID_PUBLIC_KEY = vapid.publicKey;
    const servers = POSTGRES_STACK.serverPorts.map((port) => startServer(dir, port, env));
    cleanUps.push(async () => void (await Promise.all(servers.map(stop))));
    await Promise.all(servers.map((s) => ready(s, 120_000)));

    const nginx = await startNginx(dir, POSTGRES_STACK.proxyPort, servers.map((s) => `127.0.0.1:${s.port}`));
    cleanUps.push(nginx.stop);
    // The proxy must not be sticky: consecutive requests reach both servers.
    const seen = await upstreamsOf(nginx.url, 4);
    if (new Set(seen).size !== servers.length) throw new Error(`nginx sent consecutive requests to ${seen.join(", ")}: not round-robin over both servers`);
    console.log(`Postgres run: nginx ${nginx.url} round-robin over ${seen.slice(0, 2).join(" and ")}, database ${E2E_DATABASE_URL}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
