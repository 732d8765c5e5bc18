import { draftMessageOp } from "@/lib/api/operations/drafts";
import { apiRoute, readQuery } from "@/lib/api/route";
import { draftQuery } from "@/lib/api/schemas";

export const GET = apiRoute<{ id: string }>("read", async ({ caller, request, params, now }) => draftMessageOp(caller, params.id, readQuery(request, draftQuery).kind, now));
