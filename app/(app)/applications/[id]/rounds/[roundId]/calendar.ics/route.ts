import { getDb } from "@/db/client";
import { calendarResponse, notFoundResponse } from "@/lib/calendar/response";
import { requireUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { buildCalendar, roundFileName } from "@/lib/calendar/ics";
import { calendarRound } from "@/lib/data/calendar-feed";
import { publicOrigin } from "@/lib/calendar/origin";

/** One round as a file to open in any calendar app; only its owner can download it. */
export async function GET(request: Request, { params }: RouteContext<"/applications/[id]/rounds/[roundId]/calendar.ics">) {
  const user = await requireUser();
  const { id, roundId } = await params;
  const round = await calendarRound(getDb(), { userId: user.id, applicationId: id, roundId });
  if (!round) {
    await noteForeignAccess(user.id, { kind: "round", id: roundId }, { kind: "application", id });
    return notFoundResponse();
  }
  const body = buildCalendar({ rounds: [round], steps: [], baseUrl: publicOrigin(request.headers), now: new Date() });
  return calendarResponse(body, roundFileName(round));
}
