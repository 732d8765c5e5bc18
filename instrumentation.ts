// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request is served: the connection's address, for the throttle and the security log.
    const { installPeerAddressHeader } = await import("./lib/http/peer-address");
    installPeerAddressHeader();
    // Open and migrate now, so a schema or pragma problem stops the start
    // instead of surfacing on a user's first request.
    const { getDb } = await import("./db/client");
    getDb();
    // Made up front so that even the first sign-in for an unknown email
    // costs one hash, like a wrong password does.
    const { dummyPasswordHash } = await import("./lib/auth/password");
    await dummyPasswordHash();
  }
}
