import { logEventOp } from "@/lib/api/operations/applications";
import { apiRoute, readBody } from "@/lib/api/route";
import { logEventBody } from "@/lib/api/schemas";

export const POST = apiRoute<{ id: string }>("write", async ({ caller, request, params, now }) => logEventOp(caller, params.id, await readBody(request, logEventBody), now), 201);
