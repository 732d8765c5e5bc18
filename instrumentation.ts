// Runs once when the server starts, before it answers anyone.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request is served: the connection's address, for the throttle and the security log.
    const { installPeerAddressHeader } = await import("./lib/http/peer-address");
    installPeerAddressHeader();
    // Open, check and migrate now, so a database that can't be used stops
    // the start with one line saying why, instead of a server that says
    // "Ready" and answers every request with a 500.
    const { getDb, openServerDatabase } = await import("./db/client");
    try {
      await openServerDatabase();
    } catch (error) {
      if ((error as Error | null)?.name !== "DatabaseStartError") throw error;
      console.error((error as Error).message);
      // Next catches what register() throws and serves 500s; only an exit stops the start.
      process.exit(1);
    }
    // The dashboard's computed guidance parts are stored back (batched, off the request's path),
    // so the next server to start reads them instead of recomputing every application.
    const { startWriteBack, WRITE_BACK_AFTER_MS } = await import("./lib/data/guidance-store");
    startWriteBack(getDb(), { afterMs: WRITE_BACK_AFTER_MS });
    // JobHunter's first scheduler never started: ours starts with the server
    // (SHORTLIST_SCHEDULER=off for extra web servers; `npm run worker` alone).
    const { schedulerOff, startReminders } = await import("./lib/reminders/start");
    if (!schedulerOff()) startReminders(getDb());
    // Made up front so that even the first sign-in for an unknown email
    // costs one hash, like a wrong password does.
    const { dummyPasswordHash } = await import("./lib/auth/password");
    await dummyPasswordHash();
  }
}

type RequestErrorContext = { routerKind: string; routePath: string; routeType: string };
type LineWriter = { errorLine(error: unknown, fields?: Record<string, unknown>): void };

/**
 * Next's hook for an error it could not handle: one JSON line with the
 * digest the user was shown, unless the console bridge already wrote this
 * error (lib/log/json-lines.mjs, installed by server.mjs; repeats are counted there).
 */
export function onRequestError(error: unknown, request: { path: string; method: string }, context: RequestErrorContext) {
  const writer = (globalThis as Record<symbol, LineWriter | undefined>)[Symbol.for("shortlist.jsonLines")];
  const fields = { route: context.routePath, routeType: context.routeType, request: `${request.method} ${request.path.split("?")[0].replace(/^\/calendar\/.*/, "/calendar/…").replace(/^\/(api\/)?unsubscribe\/.*/, "/$1unsubscribe/…").replace(/^\/reset-password\/.*/, "/reset-password/…").replace(/^\/sign-up\/finish\/.*/, "/sign-up/finish/…").slice(0, 200)}` };
  if (writer) writer.errorLine(error, fields);
  else console.error(error);
}
