/** The People page's URL for a filter and page; page 1 and an empty filter are left out so links stay short. */
export function peopleHref(q: string, page = 1): string {
  const params = new URLSearchParams();
  const text = q.trim();
  if (text) params.set("q", text);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/people?${query}` : "/people";
}
