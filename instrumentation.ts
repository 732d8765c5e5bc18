// Opens and migrates the database when the server starts, so a schema or
// pragma problem stops the start instead of surfacing on a user's request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    getDb();
  }
}
