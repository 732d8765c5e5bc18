import { todayOp } from "@/lib/api/operations/steps";
import { apiRoute, readQuery } from "@/lib/api/route";
import { todayQuery } from "@/lib/api/schemas";

export const GET = apiRoute("read", async ({ caller, request, now }) => todayOp(caller, now, readQuery(request, todayQuery).limit));
