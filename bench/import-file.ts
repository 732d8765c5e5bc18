import { dice, prng } from "./generate";

/** A Huntr board export of `rows` rows with the awkward cases real files have: quoted commas and quotes, HTML, salary styles, "-". */
export function huntrFile(rows: number, seed: number): Buffer {
  const { int, pick, chance } = dice(prng(seed));
  const lists = ["Wishlist", "Applied", "Phone Screen", "Interview", "Offer", "Rejected", "Waiting on them"];
  const salaries = ["$150,000 - $170,000", "150000-170000 USD", "90k", "€60k–70k a year", "-", ""];
  const header = "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail";
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const company = chance(0.2) ? `"Company ${i}, Inc."` : `Company ${i}`;
    const html = `"<p>Build <b>things</b> at scale, with ""care"".</p><ul><li>TypeScript</li><li>SQL</li></ul><p>${"Lorem ipsum dolor sit amet. ".repeat(int(2, 9))}</p>"`;
    const created = new Date(Date.UTC(2025, int(0, 11), int(1, 28), int(0, 23))).toISOString();
    lines.push(
      [`h${i}`, created, `Engineer ${i % 97}`, JSON.stringify(pick(salaries)), pick(["Berlin", "-", '"Remote, EU"']), `https://jobs.example/${i}?utm_source=huntr`, "jobs.example", html, "-", "#ff0000", created, "b1", "Search", `l${i % 7}`, pick(lists), `c${i}`, company, "example.com", "u1", "Ana", "Ruiz", "ana@example.com"].join(","),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}
