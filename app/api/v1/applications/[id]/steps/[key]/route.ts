import { updateStepOp } from "@/lib/api/operations/steps";
import { instantFrom } from "@/lib/api/form-input";
import { apiRoute, readBody } from "@/lib/api/route";
import { stepActionBody } from "@/lib/api/schemas";

export const POST = apiRoute<{ id: string; key: string }>("write", async ({ caller, request, params, now }) => {
  const body = await readBody(request, stepActionBody);
  return updateStepOp(caller, params.id, params.key, { action: body.action, until: body.until ? instantFrom(body.until, caller.timeZone, "until") : undefined }, now);
});
