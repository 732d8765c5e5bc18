// The bench's own requests (not the load). Timing the floor blocks this
// process for seconds, long enough for the server to close an idle
// keep-alive socket unseen; fetch then fails once on it, and a retry opens a new one.
export async function getText(url: string, cookie?: string): Promise<{ status: number; body: string }> {
  const once = async () => {
    const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    return { status: res.status, body: await res.text() };
  };
  try {
    return await once();
  } catch {
    return once();
  }
}
