import { expect, type Page } from "@playwright/test";
import { commaList, rows, sql } from "./db";
import { openLogForm, typedTime } from "./timeline";

export type Met = { name: string; title?: string; email?: string };

/** Logs a round on the open application page with these new people, typed into the "Someone new" rows. */
export async function logRoundWith(page: Page, startsAt: Date, people: Met[], kind?: string) {
  const form = await openLogForm(page, "log-round");
  if (kind) await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByLabel("Starts").fill(await typedTime(page, startsAt));
  for (const [i, person] of people.entries()) {
    if (i > 0) await form.getByRole("button", { name: "Add another person" }).click();
    const row = form.getByRole("group", { name: `Person ${i + 1}` });
    await row.getByLabel("Name").fill(person.name);
    if (person.title) await row.getByLabel("Title (optional)").fill(person.title);
    if (person.email) await row.getByLabel("Email (optional)").fill(person.email);
  }
  await form.getByRole("button", { name: "Save round" }).click();
  await expect(page.getByTestId("log-round")).not.toHaveAttribute("open", "");
}

/** The account's people as the server keeps them, and which rounds each is linked to. */
export function peopleOf(email: string): Promise<{ id: string; name: string; title: string | null; email: string | null; rounds: string }[]> {
  const linked = commaList("ri.round_id", "from round_interviewers ri where ri.interviewer_id = i.id");
  return rows(
    sql`select i.id, i.name, i.title, i.email, coalesce(${linked}, '') rounds
        from interviewers i join users u on u.id = i.user_id where u.email = ${email} order by i.name`,
  );
}
