import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import type { Db } from "@/db/open";
import type { ApiCaller } from "@/lib/api/authenticate";
import { authenticate, UnauthorizedError } from "@/lib/api/authenticate";
import { createApplicationOp, logEventOp, logRoundOp, moveStatusOp, updateApplicationOp } from "@/lib/api/operations/applications";
import { updateStepOp } from "@/lib/api/operations/steps";
import { apiRoute } from "@/lib/api/route";
import { issueAccessToken, revokeListedAccessToken } from "@/lib/auth/access-tokens";
import { checkAccessToken, createAccessToken, revokeAccessToken } from "@/lib/data/access-tokens";
import { shortlistMcpServer } from "@/lib/mcp/tools";
import { fromNow, HOUR, NOW } from "./guidance-data";

/** What the API's write cases need of the commit-failure fixture. */
export type ApiFixture = {
  db: Db;
  user: { id: string; email: string; timeZone: string };
  applicationId: string;
  roundId: string;
  /** One of Ana's tokens, past its expiry: presenting it deletes it. */
  expiredToken: string;
  /** A live token of Ana's, for revoking. */
  tokenId: string;
};

/** A failure the route or tool answers in words (a 503, a tool error) rather than throws. */
export const FAILED = { ok: false, reason: "failed" } as const;

const callerOf = (f: ApiFixture, scope: "read" | "write" = "write"): ApiCaller => ({
  id: f.user.id,
  email: f.user.email,
  name: "Ana",
  sessionVersion: 1,
  timeZone: f.user.timeZone,
  timeZoneChosen: true,
  locale: null,
  hourCycle: null,
  seenLocale: null,
  dates: { locale: "en-GB", hourCycle: null, zone: f.user.timeZone },
  token: { id: f.tokenId, scope, name: "agent" },
});

const presenting = (token: string) => new Request("http://127.0.0.1/api/v1/people", { headers: { Authorization: `Bearer ${token}` } });

/** The API's and the MCP server's writes, keyed as the source scan finds them. */
export const API_WRITE_CASES: Record<string, (f: ApiFixture) => unknown> = {
  "lib/data/access-tokens.ts#checkAccessToken": (f) => checkAccessToken(f.db, { token: f.expiredToken, now: NOW }),
  "lib/data/access-tokens.ts#createAccessToken": (f) => createAccessToken(f.db, { userId: f.user.id, name: "new", scope: "read", expiresAt: null, now: NOW }),
  "lib/data/access-tokens.ts#revokeAccessToken": (f) => revokeAccessToken(f.db, { userId: f.user.id, id: f.tokenId }),
  "lib/auth/access-tokens.ts#issueAccessToken": (f) =>
    issueAccessToken(f.db, { userId: f.user.id, name: "new", scope: "write", expiresAt: null, now: NOW, address: null }),
  "lib/auth/access-tokens.ts#revokeListedAccessToken": (f) => revokeListedAccessToken(f.db, { userId: f.user.id, id: f.tokenId, address: null }),
  // The healthy run refuses the token (401) once its row is gone: that answer, not the throw, is the result.
  "lib/api/authenticate.ts#authenticate": (f) =>
    authenticate(presenting(f.expiredToken), "read", NOW, f.db).catch((error: unknown) => {
      if (error instanceof UnauthorizedError) return { ok: false, reason: "refused" };
      throw error;
    }),
  // The route answers a storage failure with a 503 that says nothing was saved; a refused token (the healthy run) with a 401.
  "lib/api/route.ts#apiRoute": async (f) => {
    const response = await apiRoute("read", async () => ({}))(presenting(f.expiredToken), { params: Promise.resolve({}) });
    return response.status === 503 ? FAILED : { ok: true, status: response.status };
  },
  "lib/api/operations/applications.ts#createApplicationOp": (f) => createApplicationOp(callerOf(f), { company: "Umbrella", roleTitle: "SRE" }, NOW),
  "lib/api/operations/applications.ts#updateApplicationOp": (f) => updateApplicationOp(callerOf(f), f.applicationId, { notes: "changed by an agent" }, NOW),
  "lib/api/operations/applications.ts#moveStatusOp": (f) => moveStatusOp(callerOf(f), f.applicationId, "offer", NOW),
  "lib/api/operations/applications.ts#logRoundOp": (f) =>
    logRoundOp(callerOf(f), f.applicationId, { kind: "final", scheduledAt: fromNow(2 * 24 * HOUR).toISOString() }, NOW),
  "lib/api/operations/applications.ts#logEventOp": (f) =>
    logEventOp(callerOf(f), f.applicationId, { kind: "response_received", occurredAt: NOW.toISOString() }, NOW),
  "lib/api/operations/steps.ts#updateStepOp": (f) => updateStepOp(callerOf(f), f.applicationId, `send-thank-you:${f.roundId}`, { action: "dismiss" }, NOW),
  // A tool answers a storage failure as a tool error in words.
  "lib/mcp/tools.ts#shortlistMcpServer": async (f) => {
    const server = shortlistMcpServer(callerOf(f), () => NOW);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "commit-failure", version: "1" });
    await client.connect(clientSide);
    try {
      const result = (await client.callTool({ name: "add_application", arguments: { company: "Umbrella", roleTitle: "SRE" } })) as { isError?: boolean; content: { text: string }[] };
      return result.isError && /Nothing was changed/.test(result.content[0].text) ? FAILED : { ok: !result.isError };
    } finally {
      await client.close();
    }
  },
};

/** The cases above that report a failure as a result, not by throwing. */
export const API_FAILURE_AS_RESULT = ["lib/api/route.ts#apiRoute", "lib/mcp/tools.ts#shortlistMcpServer"];
