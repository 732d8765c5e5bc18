// Runs once when the server starts, before it answers anyone.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request is served: the connection's address, for the throttle and the security log.
    const { installPeerAddressHeader } = await import("./lib/http/peer-address");
    installPeerAddressHeader();
    // Open, check and migrate now, so a database that can't be used stops
    // the start with one line saying why, instead of a server that says
    // "Ready" and answers every request with a 500.
    const { getDb } = await import("./db/client");
    try {
      getDb();
    } catch (error) {
      if ((error as Error | null)?.name !== "DatabaseStartError") throw error;
      console.error((error as Error).message);
      // Next catches what register() throws and serves 500s; only an exit stops the start.
      process.exit(1);
    }
    // Made up front so that even the first sign-in for an unknown email
    // costs one hash, like a wrong password does.
    const { dummyPasswordHash } = await import("./lib/auth/password");
    await dummyPasswordHash();
  }
}
