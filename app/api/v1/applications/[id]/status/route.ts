import { moveStatusOp } from "@/lib/api/operations/applications";
import { apiRoute, readBody } from "@/lib/api/route";
import { moveStatusBody } from "@/lib/api/schemas";

export const POST = apiRoute<{ id: string }>("write", async ({ caller, request, params, now }) =>
  moveStatusOp(caller, params.id, (await readBody(request, moveStatusBody)).status, now),
);
