// The first dashboard after a restart: the server stopped and started again
// on the same database, its in-process caches empty, what it finds stored
// its only head start. Timed from the client, so Next's own first-request
// work (loading the page's chunks) counts, as it does for a user.
import { getText } from "./http";
import { start, type Server } from "./server";

export type RestartTiming = {
  /** The first dashboard request the new server answers. */
  firstMs: number;
  /** The one after it, for scale: the cached page on a just-started server. */
  secondMs: number;
};

/** Stops `server`, starts a new one on its port, and times its first two dashboards for `cookie`. */
export async function afterRestart(
  server: Server,
  { port, env, logFile, cookie }: { port: number; env: NodeJS.ProcessEnv; logFile: string; cookie: string },
): Promise<{ server: Server; timing: RestartTiming }> {
  await server.stop();
  const restarted = start(port, env, logFile);
  await restarted.ready;
  const timed = async () => {
    const started = performance.now();
    const { status } = await getText(`${restarted.url}/`, cookie);
    if (status !== 200) throw new Error(`the dashboard answered ${status} after a restart`);
    return performance.now() - started;
  };
  const firstMs = await timed();
  const secondMs = await timed();
  return { server: restarted, timing: { firstMs, secondMs } };
}
