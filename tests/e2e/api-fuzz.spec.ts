import fc from "fast-check";
import { API_ROUTES } from "@/lib/api/openapi";
import { expect, test } from "./fixtures";
import { bearer, makeToken } from "./support/api";

// Arbitrary bodies, query strings, content types and sizes against every
// route: each answer is a 4xx (or a 2xx when the noise happens to be valid),
// never a 500, and every refusal has the API's JSON shape.

const junkValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
const fieldNames = fc.constantFrom("company", "roleTitle", "status", "kind", "scheduledAt", "occurredAt", "signals", "people", "newPeople", "action", "until", "salaryMin", "appliedOn", "excitement", "__proto__", "constructor");
const bodies = fc.oneof(
  fc.dictionary(fieldNames, junkValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("{", "[1,2", '{"company": "A", "roleTitle": "B"', "\uFEFF{}", "null", '"text"', "{\"a\":" + "[".repeat(5000)),
);

test("bad input to every route is a 4xx in the API's shape, never a 500", async ({ signedIn: page, request }) => {
  test.setTimeout(180_000);
  const token = await makeToken(page, { scope: "write" });
  const created = await request.post("/api/v1/applications", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: { company: "Fuzz", roleTitle: "Target" } });
  const id = ((await created.json()) as { id: string }).id;
  const pathOf = (path: string) => `/api/v1${path.replace("{id}", id).replace("{key}", "no-such-step")}`;

  const huge = await request.post("/api/v1/applications", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: JSON.stringify({ company: "x".repeat(400_000), roleTitle: "y" }) });
  expect(huge.status()).toBe(413);
  const wrongTypes = await request.post("/api/v1/applications", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: { company: 5, roleTitle: ["a"], excitement: "lots", colour: "red" } });
  expect(wrongTypes.status()).toBe(422);
  expect(Object.keys(((await wrongTypes.json()) as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(["colour", "company", "excitement", "roleTitle"]);
  const mcpJunk = await request.post("/api/mcp", { headers: { ...bearer(token), "Content-Type": "application/json", Accept: "application/json, text/event-stream" }, data: "{not json" });
  expect(mcpJunk.status()).toBeLessThan(500);

  // The token allows 240 requests a minute: the runs below stay under it.
  for (const route of API_ROUTES) {
    const runs = route.method === "get" ? 10 : 15;
    await fc.assert(
      fc.asyncProperty(bodies, fc.string({ maxLength: 60 }), fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", ""), async (body, query, type) => {
        const response = await request.fetch(`${pathOf(route.path)}?${encodeURI(query)}`, {
          method: route.method.toUpperCase(),
          headers: { ...bearer(token), ...(type ? { "Content-Type": type } : {}) },
          ...(route.method === "get" ? {} : { data: body }),
        });
        const status = response.status();
        expect(status, `${route.method} ${route.path}: ${body.slice(0, 80)}`).toBeLessThan(500);
        if (status >= 400) expect(((await response.json()) as { error?: { message?: string } }).error?.message).toBeTruthy();
      }),
      { numRuns: runs },
    );
  }

});

test("a tampered list cursor is a 200 (a place in your own list) or a 400 naming the cursor, never a 500", async ({ signedIn: page, request }) => {
  const token = await makeToken(page, { scope: "write" });
  for (const company of ["Alpha", "beta", "Gamma"]) await request.post("/api/v1/applications", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: { company, roleTitle: "Role" } });
  const sorts = ["updated", "applied", "company", "excitement", "next-step"] as const;
  const payload = fc.record(
    {
      s: fc.oneof(fc.constantFrom(...sorts), junkValue),
      d: fc.oneof(fc.constantFrom("asc", "desc"), junkValue),
      k: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.constantFrom("2026-10-01", "'; drop table applications; --", "%")),
      i: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
      t: fc.oneof(fc.constantFrom("a", "b"), junkValue),
      n: fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.double()),
    },
    { requiredKeys: [] },
  );
  await fc.assert(
    fc.asyncProperty(payload, fc.constantFrom(...sorts), async (body, sort) => {
      const cursor = Buffer.from(JSON.stringify(body)).toString("base64url");
      const response = await request.get(`/api/v1/applications?sort=${sort}&limit=2&cursor=${cursor}`, { headers: bearer(token) });
      const status = response.status();
      expect([200, 400], JSON.stringify(body)).toContain(status);
      if (status === 400) expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("cursor");
    }),
    { numRuns: 60, seed: 29 },
  );
});

