import { logRoundOp } from "@/lib/api/operations/applications";
import { apiRoute, readBody } from "@/lib/api/route";
import { logRoundBody } from "@/lib/api/schemas";

export const POST = apiRoute<{ id: string }>("write", async ({ caller, request, params, now }) => logRoundOp(caller, params.id, await readBody(request, logRoundBody), now), 201);
