import { createApplicationOp, listApplicationsOp } from "@/lib/api/operations/applications";
import { apiRoute, readBody, readQuery } from "@/lib/api/route";
import { createApplicationBody, listApplicationsQuery } from "@/lib/api/schemas";

export const GET = apiRoute("read", async ({ caller, request, now }) => listApplicationsOp(caller, readQuery(request, listApplicationsQuery), now));

export const POST = apiRoute("write", async ({ caller, request, now }) => createApplicationOp(caller, await readBody(request, createApplicationBody), now), 201);
