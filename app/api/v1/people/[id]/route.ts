import { getPersonOp } from "@/lib/api/operations/people";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute<{ id: string }>("read", async ({ caller, params }) => getPersonOp(caller, params.id));
