// Signs an account in through next-auth's credentials endpoint, the same
// check (throttle, scrypt) the sign-in form ends in, and returns the session
// cookie for the load generator. Plain HTTP: no browser on a shared machine.

/** "name=value" pairs from Set-Cookie headers, without their attributes. */
function cookiePairs(res: Response): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    const eq = pair.indexOf("=");
    if (eq > 0) pairs.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return pairs;
}

const asHeader = (pairs: Map<string, string>) => [...pairs].map(([k, v]) => `${k}=${v}`).join("; ");

/** The Cookie header of a signed-in session; throws when sign-in fails or the session does not open the dashboard. */
export async function signIn(baseUrl: string, email: string, password: string, expectOnDashboard: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfRes);

  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: asHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  // A large token comes in chunks (".0", ".1"): keep them all.
  const session = new Map([...cookiePairs(res)].filter(([name]) => name.includes("authjs.session-token")));
  if (session.size === 0) throw new Error(`sign-in for ${email} gave no session cookie (status ${res.status}, to ${res.headers.get("location")})`);
  const cookie = asHeader(session);

  // Proof the cookie is a real session: the dashboard greets this user.
  const check = await fetch(`${baseUrl}/`, { redirect: "manual", headers: { cookie } });
  const body = await check.text();
  if (check.status !== 200 || !body.includes(expectOnDashboard)) {
    throw new Error(`the session for ${email} does not open the dashboard (status ${check.status})`);
  }
  return cookie;
}
