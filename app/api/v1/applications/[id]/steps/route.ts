import { applicationStepsOp } from "@/lib/api/operations/steps";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute<{ id: string }>("read", async ({ caller, params, now }) => applicationStepsOp(caller, params.id, now));
