import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { instantMs, run, sql } from "./db";

/** Makes a token in Settings → Access tokens, as a person would, and reads it off the page. */
export async function makeToken(page: Page, { scope = "read", name = "Test agent" }: { scope?: "read" | "write"; name?: string } = {}): Promise<string> {
  await page.goto("/settings#tokens-heading");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Access tokens" }) });
  await section.getByLabel("Token name").fill(name);
  await section.getByLabel(scope === "read" ? "Read only" : "Read and write").check();
  await section.getByRole("button", { name: "Make a token" }).click();
  // The answer names the token made: read the field only once it is this one's.
  await expect(section.getByRole("alert")).toContainText(`Made “${name}”`);
  const token = await section.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^shl_[A-Za-z0-9_-]{43}$/);
  return token;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A JSON call of /api/v1 with a token: the status and the parsed body. */
export async function call(
  request: APIRequestContext,
  token: string | null,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> & { error?: { message: string; fields?: Record<string, string> } } }> {
  const response = await request.fetch(`/api/v1${path}`, {
    method,
    headers: { ...(token ? bearer(token) : {}), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status(), body: text ? JSON.parse(text) : {} };
}

/** The official MCP client, connected to /api/mcp with a token. */
export async function mcpClient(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: "shortlist-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: bearer(token) } }));
  return client;
}

/** The JSON a tool answered with; fails the test on a tool error. */
export function toolJson(result: unknown): Record<string, unknown> {
  const { content, isError } = result as { content: { type: string; text: string }[]; isError?: boolean };
  expect(isError ?? false, content[0]?.text).toBe(false);
  return JSON.parse(content[0].text) as Record<string, unknown>;
}

/** Ages a token past its expiry: the one state a test cannot wait for. */
export async function expireTokens(email: string): Promise<void> {
  await run(sql`update access_tokens set expires_at = ${instantMs(Date.now() - 1000)} where user_id = (select id from users where email = ${email})`);
}
