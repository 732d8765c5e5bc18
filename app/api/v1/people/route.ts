import { listPeopleOp } from "@/lib/api/operations/people";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute("read", async ({ caller }) => listPeopleOp(caller));
