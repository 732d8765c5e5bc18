import { API_ROUTES, openApiDocument } from "@/lib/api/openapi";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { call, expireTokens, makeToken, mcpClient } from "./support/api";
import { expectNoSeriousViolations } from "./support/axe";
import { E2E_ENGINE, POSTGRES_STACK } from "../../playwright.config";
import { row, rows, sql } from "./support/db";

const appAndRounds = async (appId: string) =>
  JSON.stringify(await rows(sql`select * from applications where id = ${appId}`)) +
  JSON.stringify(await rows(sql`select * from rounds where application_id = ${appId} order by id`));

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

test.describe("access tokens in Settings", () => {
  test("are made with a scope, shown once, listed with their last use, and revoked in one click", async ({ signedIn: page, account, request }) => {
    const token = await makeToken(page, { name: "Claude on my laptop" });
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Access tokens" }) });
    await expect(section.getByRole("alert")).toContainText("shown only this once");
    await expectNoSeriousViolations(page, "settings with a new token");
    expect((await call(request, token, "GET", "/applications")).status).toBe(200);

    await page.reload();
    await expect(section.getByTestId("new-token")).toHaveCount(0);
    const line = section.getByRole("listitem").filter({ hasText: "Claude on my laptop" });
    await expect(line).toContainText("Read only");
    await expect(line).toContainText("last used");
    await expect(line).toContainText("expires");
    expect(JSON.stringify(await rows(sql`select * from access_tokens`))).not.toContain(token.slice(4));

    await line.getByRole("button", { name: "Revoke the token Claude on my laptop" }).click();
    await expect(section.getByRole("status")).toContainText("Revoked");
    await expect(section.getByText("No tokens yet")).toBeVisible();
    const refused = await call(request, token, "GET", "/applications");
    expect(refused.status).toBe(401);
    expect(account.email).toBeTruthy();
  });

  test("a name is required, and the refusal is beside the field with nothing made", async ({ signedIn: page }) => {
    await page.goto("/settings#tokens-heading");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Access tokens" }) });
    await section.getByRole("button", { name: "Make a token" }).click();
    await expect(section.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
    await expect(section.getByText("Token name is required.")).toBeVisible();
    await expect(section.getByTestId("new-token")).toHaveCount(0);
  });

  test("signing out everywhere ends every token", async ({ signedIn: page, request, account }) => {
    const token = await makeToken(page, { scope: "write" });
    expect((await call(request, token, "GET", "/people")).status).toBe(200);
    await page.goto("/settings#sessions-heading");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect((await call(request, token, "GET", "/people")).status).toBe(401);
    expect(await row(sql`select count(*) n from access_tokens t join users u on u.id = t.user_id where u.email = ${account.email}`)).toEqual({ n: 0 });
  });
});

test.describe("refusals", () => {
  test("no token, a malformed or unknown one, or a signed-in browser's cookies alone: 401", async ({ signedIn: page, request }) => {
    for (const token of [null, "not-a-token", `shl_${"A".repeat(43)}`]) {
      const answer = await call(request, token, "GET", "/applications");
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body.error?.message).toBeTruthy();
    }
    const withCookies = await page.request.get("/api/v1/applications");
    expect(withCookies.status()).toBe(401);
    expect(withCookies.headers()["www-authenticate"]).toContain("Bearer");
    const mcp = await page.request.post("/api/mcp", { data: { jsonrpc: "2.0", id: 1, method: "tools/list" } });
    expect(mcp.status()).toBe(401);
  });

  test("a read token cannot write; an expired one gets 401", async ({ signedIn: page, request, account }) => {
    const read = await makeToken(page);
    const refused = await call(request, read, "POST", "/applications", { company: "Acme", roleTitle: "Engineer" });
    expect(refused.status).toBe(403);
    expect(await row(sql`select count(*) n from applications a join users u on u.id = a.user_id where u.email = ${account.email}`)).toEqual({ n: 0 });
    await expireTokens(account.email);
    const expired = await call(request, read, "GET", "/applications");
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toContain("expired");
  });

  test("past the token's rate, 429 with Retry-After; another token is unaffected", async ({ signedIn: page, request }) => {
    const busy = await makeToken(page, { name: "busy" });
    const calm = await makeToken(page, { name: "calm" });
    // Each server counts its own share (lib/api/rate-limit.ts): behind the Postgres run's
    // round-robin proxy, a token gets the limit once per server.
    const servers = E2E_ENGINE === "postgres" ? POSTGRES_STACK.serverPorts.length : 1;
    const statuses: number[] = [];
    for (let i = 0; i < 25 * servers; i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => request.get("/api/v1/people", { headers: { Authorization: `Bearer ${busy}` } })));
      statuses.push(...batch.map((r) => r.status()));
      if (batch.some((r) => r.status() === 429)) {
        const refused = batch.find((r) => r.status() === 429)!;
        expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(240 * servers);
    expect(statuses).toContain(429);
    expect((await call(request, calm, "GET", "/people")).status).toBe(200);
  });

  test("unknown routes answer in the API's shape", async ({ signedIn: page, request }) => {
    const token = await makeToken(page);
    const answer = await call(request, token, "GET", "/nothing-here");
    expect(answer.status).toBe(404);
    expect(answer.body.error?.message).toContain("openapi.json");
  });
});

test("the API round trip: add, log a round with signals, read its next steps, act on one", async ({ signedIn: page, request }) => {
  const token = await makeToken(page, { scope: "write" });
  const created = await call(request, token, "POST", "/applications", { company: "Northwind", roleTitle: "Platform Engineer", salaryMin: 90000, salaryCurrency: "EUR", salaryPeriod: "year" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  expect(created.body).toMatchObject({ company: "Northwind", status: "applied", salaryMin: 90000, rounds: [], events: [] });

  const round = await call(request, token, "POST", `/applications/${id}/rounds`, {
    kind: "second",
    scheduledAt: hoursAgo(6),
    durationMinutes: 60,
    signals: ["met_team", "long_term_discussion"],
    newPeople: [{ name: "Dana Lee", title: "Head of Platform" }],
  });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  expect(round.body.signals).toEqual(expect.arrayContaining([expect.objectContaining({ signal: "met_team" }), expect.objectContaining({ signal: "long_term_discussion" })]));
  expect(round.body.people).toEqual([expect.objectContaining({ name: "Dana Lee", title: "Head of Platform" })]);

  const steps = await call(request, token, "GET", `/applications/${id}/steps`);
  expect(steps.status).toBe(200);
  const list = steps.body.steps as { key: string; ruleId: string; reasons: string[]; source: { sections: string[] }; draft: string | null }[];
  const thanks = list.find((s) => s.ruleId === "send-thank-you");
  expect(thanks, JSON.stringify(list.map((s) => s.ruleId))).toBeTruthy();
  for (const step of list) {
    expect(step.reasons.length).toBeGreaterThan(0);
    expect(step.source.sections.length).toBeGreaterThan(0);
  }

  const draft = await call(request, token, "GET", `/applications/${id}/draft?kind=thank-you`);
  expect(draft.status).toBe(200);
  expect(draft.body.body).toContain("Dana");

  const done = await call(request, token, "POST", `/applications/${id}/steps/${encodeURIComponent(thanks!.key)}`, { action: "done" });
  expect(done.body).toMatchObject({ state: "done", logged: "thank-you" });
  const after = await call(request, token, "GET", `/applications/${id}/steps`);
  expect((after.body.steps as { key: string }[]).map((s) => s.key)).not.toContain(thanks!.key);

  const moved = await call(request, token, "POST", `/applications/${id}/status`, { status: "offer" });
  expect(moved.body).toMatchObject({ status: "offer", logged: "offer_received" });
  const patched = await call(request, token, "PATCH", `/applications/${id}`, { excitement: 5, location: null });
  expect(patched.body).toMatchObject({ excitement: 5, location: null, company: "Northwind", status: "offer" });
  const event = await call(request, token, "POST", `/applications/${id}/events`, { kind: "response_received", occurredAt: hoursAgo(1), note: "Call booked" });
  expect(event.status).toBe(201);

  const listed = await call(request, token, "GET", "/applications?q=northwind");
  expect((listed.body.items as { id: string }[]).map((a) => a.id)).toEqual([id]);
  const got = await call(request, token, "GET", `/applications/${id}`);
  expect((got.body.events as { kind: string }[]).map((e) => e.kind)).toEqual(expect.arrayContaining(["offer_received", "response_received"]));
  await page.goto(`/applications/${id}`);
  await expect(page.getByRole("heading", { name: /Platform Engineer/ })).toBeVisible();
});

test("the list pages with a cursor to the end; one added meanwhile skips or repeats no other; a bad cursor is a 400", async ({ signedIn: page, request, baseURL }) => {
  const token = await makeToken(page, { scope: "write" });
  for (let i = 0; i < 5; i++) expect((await call(request, token, "POST", "/applications", { company: `Paged ${i}`, roleTitle: "Role" })).status).toBe(201);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const pageOf: Awaited<ReturnType<typeof call>> = await call(request, token, "GET", `/applications?limit=2&sort=company&direction=asc${cursor ? `&cursor=${cursor}` : ""}`);
    expect(pageOf.status).toBe(200);
    seen.push(...(pageOf.body.items as { company: string }[]).map((a) => a.company));
    cursor = pageOf.body.nextCursor as string | null;
    // After the first page, one that sorts before the cursor's place: an offset would repeat "Paged 1".
    if (seen.length === 2) expect((await call(request, token, "POST", "/applications", { company: "Paged 0a", roleTitle: "Role" })).status).toBe(201);
  } while (cursor);
  expect(seen).toEqual(["Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"]);

  // The MCP tool takes the same cursor.
  const client = await mcpClient(baseURL!, token);
  const listed = async (args: Record<string, unknown>) => JSON.parse(((await client.callTool({ name: "list_applications", arguments: args })) as { content: { text: string }[] }).content[0].text);
  const first = await listed({ sort: "company", limit: 3 });
  const second = await listed({ sort: "company", limit: 3, cursor: first.nextCursor });
  expect([...first.items, ...second.items].map((a: { company: string }) => a.company)).toEqual(["Paged 0", "Paged 0a", "Paged 1", "Paged 2", "Paged 3", "Paged 4"]);
  expect([first.total, second.nextCursor]).toEqual([6, null]);
  await client.close();

  const other = encodeURIComponent(first.nextCursor);
  for (const path of ["/applications?cursor=nonsense", `/applications?cursor=${"x".repeat(1001)}`, `/applications?sort=updated&cursor=${other}`, `/applications?sort=company&direction=desc&cursor=${other}`]) {
    const bad = await call(request, token, "GET", path);
    expect(bad.status, path).toBe(400);
    expect(bad.body.error?.fields, path).toHaveProperty("cursor");
  }
});

test("MCP: the official client lists the tools and makes a round trip; a read token gets only the read tools", async ({ signedIn: page, baseURL }) => {
  const write = await makeToken(page, { scope: "write", name: "writer" });
  const read = await makeToken(page, { scope: "read", name: "reader" });
  const client = await mcpClient(baseURL!, write);
  const tools = (await client.listTools()).tools;
  expect(tools.map((t) => t.name).sort()).toEqual(
    ["add_application", "draft_message", "get_application", "list_applications", "list_people", "log_event", "log_round", "today", "update_application", "update_step"].sort(),
  );
  for (const tool of tools) expect(tool.description?.length ?? 0).toBeGreaterThan(40);

  const added = JSON.parse(((await client.callTool({ name: "add_application", arguments: { company: "Contoso", roleTitle: "Data Engineer" } })).content as { text: string }[])[0].text);
  await client.callTool({
    name: "log_round",
    arguments: { applicationId: added.id, kind: "first", scheduledAt: hoursAgo(5), durationMinutes: 45, signals: ["constructive_feedback", "hiring_timeline"], hiringTimelineOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
  });
  const got = await client.callTool({ name: "get_application", arguments: { applicationId: added.id } });
  const application = JSON.parse((got.content as { text: string }[])[0].text);
  expect(application.rounds[0].signals.map((s: { signal: string }) => s.signal).sort()).toEqual(["constructive_feedback", "hiring_timeline"]);
  expect(application.nextSteps.steps.length).toBeGreaterThan(0);
  expect(application.nextSteps.steps[0].reasons.length).toBeGreaterThan(0);
  expect(application.nextSteps.steps[0].source.sections.length).toBeGreaterThan(0);
  const today = JSON.parse(((await client.callTool({ name: "today", arguments: {} })).content as { text: string }[])[0].text);
  expect(today.today).toHaveProperty("stepCount");
  await client.close();

  const reader = await mcpClient(baseURL!, read);
  const readTools = (await reader.listTools()).tools;
  expect(readTools.map((t) => t.name).sort()).toEqual(["draft_message", "get_application", "list_applications", "list_people", "today"]);
  for (const tool of readTools) expect(tool.annotations?.readOnlyHint).toBe(true);
  const refused = await reader.callTool({ name: "add_application", arguments: { company: "Nope", roleTitle: "Nope" } }).catch((error: Error) => ({ isError: true, content: [{ text: error.message }] }));
  expect(refused.isError).toBe(true);
  expect(await row(sql`select count(*) n from applications where company = 'Nope'`)).toEqual({ n: 0 });
  await reader.close();
});

test.describe("a second user's token", () => {
  test("reaches none of the first user's records through any route or tool", async ({ browser, request, baseURL }) => {
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    const owner = newAccount("owner");
    await signUp(ownerPage, owner);
    const ownerToken = await makeToken(ownerPage, { scope: "write" });
    const appId = await addApplication(ownerPage, { company: "Secret Corp", roleTitle: "Hidden Role" });
    const round = await call(request, ownerToken, "POST", `/applications/${appId}/rounds`, { kind: "first", scheduledAt: hoursAgo(3), newPeople: [{ name: "Private Person" }] });
    const personId = (round.body.people as { id: string }[])[0].id;
    const steps = await call(request, ownerToken, "GET", `/applications/${appId}/steps`);
    const stepKey = (steps.body.steps as { key: string }[])[0].key;
    await ownerContext.close();
    const before = await appAndRounds(appId);

    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await signUp(otherPage, newAccount("other"));
    const other = await makeToken(otherPage, { scope: "write" });
    await otherContext.close();

    const attempts: [string, "GET" | "POST" | "PATCH", string, unknown?][] = [
      ["get application", "GET", `/applications/${appId}`],
      ["update application", "PATCH", `/applications/${appId}`, { company: "Hijacked" }],
      ["move status", "POST", `/applications/${appId}/status`, { status: "rejected" }],
      ["log round", "POST", `/applications/${appId}/rounds`, { kind: "first", scheduledAt: hoursAgo(2) }],
      ["log event", "POST", `/applications/${appId}/events`, { kind: "follow_up_sent", occurredAt: hoursAgo(1) }],
      ["steps", "GET", `/applications/${appId}/steps`],
      ["act on step", "POST", `/applications/${appId}/steps/${encodeURIComponent(stepKey)}`, { action: "dismiss" }],
      ["draft", "GET", `/applications/${appId}/draft`],
      ["person", "GET", `/people/${personId}`],
    ];
    for (const [label, method, path, body] of attempts) {
      const answer = await call(request, other, method, path, body);
      expect(answer.status, label).toBe(404);
      expect(JSON.stringify(answer.body), label).not.toMatch(/Secret Corp|Hidden Role|Private Person/);
    }
    // A cursor naming the owner's row, as a tampered one might: only the other's own rows (none) come back.
    const place = Buffer.from(JSON.stringify({ s: "company", d: "asc", k: "secret corp", i: appId, t: "b", n: 1 })).toString("base64url");
    for (const path of ["/applications", "/applications?q=secret", `/applications?sort=company&cursor=${place}`, "/today", "/people"]) {
      const answer = await call(request, other, "GET", path);
      expect(answer.status, path).toBe(200);
      expect(JSON.stringify(answer.body), path).not.toMatch(/Secret Corp|Hidden Role|Private Person/);
    }

    const client = await mcpClient(baseURL!, other);
    const toolAttempts: [string, Record<string, unknown>][] = [
      ["get_application", { applicationId: appId }],
      ["update_application", { applicationId: appId, company: "Hijacked" }],
      ["log_round", { applicationId: appId, kind: "first", scheduledAt: hoursAgo(2) }],
      ["log_event", { applicationId: appId, kind: "follow_up_sent", occurredAt: hoursAgo(1) }],
      ["update_step", { applicationId: appId, key: stepKey, action: "dismiss" }],
      ["draft_message", { applicationId: appId }],
    ];
    for (const [name, args] of toolAttempts) {
      const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: { text: string }[] };
      expect(result.isError, name).toBe(true);
      expect(result.content[0].text, name).not.toMatch(/Secret Corp|Hidden Role|Private Person/);
    }
    for (const name of ["today", "list_applications", "list_people"]) {
      const result = (await client.callTool({ name, arguments: {} })) as { content: { text: string }[] };
      expect(result.content[0].text, name).not.toMatch(/Secret Corp|Hidden Role|Private Person/);
    }
    await client.close();
    const after = await appAndRounds(appId);
    expect(after).toBe(before);
  });
});

test("every documented route answers as its OpenAPI document says", async ({ signedIn: page, request }) => {
  const token = await makeToken(page, { scope: "write" });
  const served = await request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  const document = (await served.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths).sort()).toEqual(Object.keys(openApiDocument("http://x/api/v1").paths).sort());

  const app = await call(request, token, "POST", "/applications", { company: "Documented", roleTitle: "Role", appliedOn: new Date().toISOString().slice(0, 10) });
  const id = app.body.id as string;
  const round = await call(request, token, "POST", `/applications/${id}/rounds`, { kind: "first", scheduledAt: hoursAgo(4), newPeople: [{ name: "Ari" }] });
  const personId = (round.body.people as { id: string }[])[0].id;
  const bodies: Record<string, unknown> = {
    "post /applications": { company: "Second", roleTitle: "Role" },
    "patch /applications/{id}": { notes: "Spoke to Ari" },
    "post /applications/{id}/status": { status: "interviewing" },
    "post /applications/{id}/rounds": { kind: "second", scheduledAt: hoursAgo(2) },
    "post /applications/{id}/events": { kind: "follow_up_sent", occurredAt: hoursAgo(1) },
    "post /applications/{id}/steps/{key}": { action: "snooze" },
  };
  const queries: Record<string, string> = {};
  // The reads first, while the round's thank-you (and its draft) is open; then the writes.
  const ordered = [...API_ROUTES].sort((a, b) => Number(a.method !== "get") - Number(b.method !== "get"));
  for (const route of ordered) {
    const name = `${route.method} ${route.path}`;
    // The steps open now: the routes before this one have changed them.
    const steps = (await call(request, token, "GET", `/applications/${id}/steps`)).body.steps as { key: string }[];
    const path = route.path.replace("{id}", route.path.startsWith("/people") ? personId : id).replace("{key}", encodeURIComponent(steps[0]?.key ?? "none")) + (queries[name] ?? "");
    const answer = await call(request, token, route.method.toUpperCase() as "GET", path, bodies[name]);
    expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(route.status ?? 200);
    const checked = route.response.safeParse(answer.body);
    expect(checked.success, `${name}: ${checked.error?.message}`).toBe(true);
  }
});
