import { getApplicationOp, updateApplicationOp } from "@/lib/api/operations/applications";
import { apiRoute, readBody } from "@/lib/api/route";
import { updateApplicationBody } from "@/lib/api/schemas";

type Params = { id: string };

export const GET = apiRoute<Params>("read", async ({ caller, params }) => getApplicationOp(caller, params.id));

export const PATCH = apiRoute<Params>("write", async ({ caller, request, params, now }) =>
  updateApplicationOp(caller, params.id, await readBody(request, updateApplicationBody), now),
);
