import { addApplication, expect, test } from "./fixtures";

// The Postgres run only (playwright.config.ts): the browser talks to nginx,
// which sends each request to the next of two servers. One session's
// requests land on both, and each server honours the session the other
// signed (one AUTH_SECRET) and shows what the other saved (one database).

test("one session's consecutive requests reach both servers, signed in and seeing the same data on each", async ({ signedIn: page, account }) => {
  const answeredBy: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document" || response.request().method() === "POST") {
      answeredBy.push(response.headers()["x-upstream"] ?? "none");
    }
  });

  const appId = await addApplication(page, { company: "Round Robin Ltd", roleTitle: "Load Balancer" });
  for (let i = 0; i < 4; i++) {
    await page.goto(`/applications/${appId}`);
    await expect(page.getByRole("heading", { level: 1, name: "Load Balancer" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  }

  expect(answeredBy).not.toContain("none");
  expect(new Set(answeredBy).size).toBe(2);
});
