import { getDb } from "@/db/client";
import { buildCalendar } from "@/lib/calendar/ics";
import { feedContents, findFeedOwner } from "@/lib/data/calendar-feed";
import { publicOrigin } from "@/lib/calendar/origin";
import { calendarResponse, notFoundResponse } from "@/lib/calendar/response";

// The feed is read by calendar apps, which cannot sign in: the secret in the
// URL is the only credential, so proxy.ts lets this path through without a
// session. An unknown, old or malformed token gets the same bare 404.

export async function GET(request: Request, { params }: RouteContext<"/calendar/[file]">) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : null;
  const db = getDb();
  const owner = token ? await findFeedOwner(db, { token }) : null;
  if (!owner) return notFoundResponse();

  const now = new Date();
  const { rounds, steps } = await feedContents(db, { user: owner, now });
  const body = buildCalendar({ rounds, steps, baseUrl: publicOrigin(request.headers), now });
  return calendarResponse(body);
}
