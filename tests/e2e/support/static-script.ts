import type { APIRequestContext } from "@playwright/test";

/** A script the sign-in page loads: a static file under /_next/static. */
export async function staticScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-in")).text();
  const src = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error("no static script on /sign-in");
  return src;
}
