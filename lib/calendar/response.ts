// Calendar bodies hold the user's interviews: never kept by a shared cache,
// and never stored by the browser beyond the one request.
const PRIVATE = "private, no-store";

export function calendarResponse(body: string, fileName?: string): Response {
  const headers: Record<string, string> = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": PRIVATE,
  };
  if (fileName) headers["Content-Disposition"] = `attachment; filename="${fileName}"`;
  return new Response(body, { headers });
}

/** The same empty 404 for every miss, so an answer never says whether something exists. */
export function notFoundResponse(): Response {
  return new Response(null, { status: 404, headers: { "Cache-Control": PRIVATE } });
}
