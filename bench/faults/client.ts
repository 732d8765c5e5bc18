// The bench's HTTP client for the app's forms: server actions posted the way
// React posts them (multipart, the form's fields under "_1_", then the
// argument list last), so a save goes through proxy.ts, the action wrapper
// and the data layer exactly as a user's does.
import { readFileSync } from "node:fs";
import path from "node:path";

let manifest: Record<string, { exportedName?: string }> | undefined;

/** A server action's id in the current build, by its exported name. */
export function actionId(name: string): string {
  manifest ??= JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")).node;
  const found = Object.entries(manifest!).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build: run next build`);
  return found[0];
}

export type ActionAnswer = {
  status: number;
  /** Where a successful action sends the browser (its x-action-redirect), if it did. */
  redirect: string | null;
  /** The form's message, when the action answered with one. */
  message: string | null;
  body: string;
};

const MESSAGE = /^1:(\{.*\})$/m;

export async function postAction(
  baseUrl: string,
  pagePath: string,
  action: string,
  fields: Record<string, string>,
  cookie = "",
  signal?: AbortSignal,
): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const res = await fetch(`${baseUrl}${pagePath}`, {
    method: "POST",
    redirect: "manual",
    body: form,
    signal,
    headers: { "next-action": actionId(action), accept: "text/x-component", origin: baseUrl, cookie },
  });
  const body = await res.text();
  const redirect = res.headers.get("x-action-redirect")?.split(";")[0] ?? null;
  let message: string | null = null;
  const match = MESSAGE.exec(body);
  if (match) {
    try {
      message = (JSON.parse(match[1]) as { message?: string }).message ?? null;
    } catch {
      message = null;
    }
  }
  return { status: res.status, redirect, message, body };
}

/** The session cookie from a response's Set-Cookie headers. */
export function sessionCookie(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c.includes("authjs.session-token"))
    .join("; ");
}

/** Signs up through the real form and returns the new session's cookie. */
export async function signUp(baseUrl: string, email: string, password: string): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ name: "Bench", email, password, timeZone: "UTC" })) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const res = await fetch(`${baseUrl}/sign-up`, {
    method: "POST",
    redirect: "manual",
    body: form,
    headers: { "next-action": actionId("signUpAction"), accept: "text/x-component", origin: baseUrl },
  });
  await res.text();
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error(`sign-up for ${email} gave no session (status ${res.status})`);
  return cookie;
}

/** The id at the end of "/applications/<id>" or "/applications/<id>#round-…". */
export function applicationIdFrom(redirect: string | null): string | null {
  return /\/applications\/([0-9a-f-]{36})/.exec(redirect ?? "")?.[1] ?? null;
}
