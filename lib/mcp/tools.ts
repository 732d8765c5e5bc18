import "server-only";
import { z } from "zod";
import { McpServer } from "@modelcontextprotocol/server";
import { StorageError, storageMessage } from "@/db/storage-error";
import { ApiError } from "@/lib/api/api-error";
import type { ApiCaller } from "@/lib/api/authenticate";
import { instantFrom } from "@/lib/api/form-input";
import {
  createApplicationOp,
  getApplicationOp,
  listApplicationsOp,
  logEventOp,
  logRoundOp,
  moveStatusOp,
  updateApplicationOp,
} from "@/lib/api/operations/applications";
import { DRAFT_KINDS, draftMessageOp } from "@/lib/api/operations/drafts";
import { listPeopleOp } from "@/lib/api/operations/people";
import { applicationStepsOp, todayOp, updateStepOp } from "@/lib/api/operations/steps";
import { applicationFieldsShape, listApplicationsQuery, logEventBody, logRoundBody, stepActionBody, todayQuery } from "@/lib/api/schemas";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";

type Result = { content: { type: "text"; text: string }[]; isError?: boolean };

const applicationId = z.string().describe("The application's id, as list_applications and get_application give it.");

/** The answer as JSON text: what every tool returns. */
const ok = (value: unknown): Result => ({ content: [{ type: "text", text: JSON.stringify(value, null, 2) }] });

/** An expected refusal is the tool's answer, in the same words the API uses; anything else stays an error. */
function refusal(error: unknown): Result {
  if (error instanceof ApiError) {
    const fields = error.fields ? `\n${Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`).join("\n")}` : "";
    return { isError: true, content: [{ type: "text", text: `${error.message}${fields}` }] };
  }
  if (error instanceof StorageError) return { isError: true, content: [{ type: "text", text: storageMessage(error.kind) }] };
  throw error;
}

const run = async (work: () => Promise<unknown>): Promise<Result> => {
  try {
    return ok(await work());
  } catch (error) {
    return refusal(error);
  }
};

const READ = { readOnlyHint: true, openWorldHint: false } as const;
const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;

// The list's query string takes "true"/"false"; an agent sends booleans.
const listArguments = listApplicationsQuery.extend({
  overdue: z.boolean().optional().describe("Only applications with an overdue next step."),
  interviewSoon: z.boolean().optional().describe("Only applications with an interview in the next 7 days."),
  archived: z.boolean().optional().describe("Include archived applications."),
  minExcitement: z.number().int().min(1).max(5).optional(),
  limit: z.number().int().min(1).max(100).optional().describe("Page size, 1 to 100; 50 by default."),
});

/**
 * Shortlist's MCP server for one token's owner: each tool a thin call of the
 * operations the HTTP API runs. A read token gets the read-only tools only.
 */
export function shortlistMcpServer(caller: ApiCaller, now: () => Date): McpServer {
  const server = new McpServer({ name: "shortlist", version: "1.0.0" });
  const tool = server.registerTool.bind(server);

  tool(
    "today",
    {
      title: "Today and Coming up",
      description:
        "What to do now: today's interviews, the steps due today or overdue (most urgent first) and applications to move on from, then Coming up for the next 7 days. Each step has its reasons (the facts that fired it) and its source (the article's sections). Lists are cut to `limit` with full counts.",
      inputSchema: todayQuery.extend({ limit: z.number().int().min(1).max(500).optional() }),
      annotations: READ,
    },
    async ({ limit }) => run(() => todayOp(caller, now(), limit)),
  );
  tool(
    "list_applications",
    {
      title: "List applications",
      description:
        "The user's applications, one page at a time, filtered and searched like the list page. Each item has id, company, roleTitle, status, appliedOn, excitement and its most important next step. Returns items, total and nextCursor (null on the last page): pass nextCursor back as cursor, with the same filters, sort and direction, for the next page.",
      inputSchema: listArguments,
      annotations: READ,
    },
    async (args) => run(() => listApplicationsOp(caller, args, now())),
  );
  tool(
    "get_application",
    {
      title: "Get an application",
      description:
        "One application with its fields, its rounds (signals and people), its events, everyone met, and nextSteps: its open steps with reasons and source, what was put aside, the next check-in and where it stands.",
      inputSchema: z.object({ applicationId }),
      annotations: READ,
    },
    async ({ applicationId: id }) =>
      run(async () => ({ ...(await getApplicationOp(caller, id)), nextSteps: await applicationStepsOp(caller, id, now()) })),
  );
  tool(
    "list_people",
    {
      title: "List people",
      description: "Everyone the user has met in a round: id, name, title, email, company, and the rounds they were in.",
      inputSchema: z.object({}),
      annotations: READ,
    },
    async () => run(() => listPeopleOp(caller)),
  );
  tool(
    "draft_message",
    {
      title: "Draft a message",
      description:
        "The email Shortlist drafts for an application's open step (a thank-you, a follow-up, a feedback request, an offer negotiation or answer), built from what the user logged: subject, body and recipients. Placeholders in [brackets] are for the user to fill. Fails when no open step offers that kind of message.",
      inputSchema: z.object({ applicationId, kind: z.enum(DRAFT_KINDS).optional().describe("Which draft; without it, the first open step's.") }),
      annotations: READ,
    },
    async ({ applicationId: id, kind }) => run(() => draftMessageOp(caller, id, kind, now())),
  );

  if (caller.token.scope !== "write") return server;

  tool(
    "add_application",
    {
      title: "Add an application",
      description: "Adds an application (company and roleTitle required; status defaults to applied) and returns it as get_application does, without nextSteps.",
      inputSchema: z.object(applicationFieldsShape),
      annotations: WRITE,
    },
    async (args) => run(() => createApplicationOp(caller, args, now())),
  );
  tool(
    "update_application",
    {
      title: "Update an application",
      description:
        "Changes the fields given (null clears one). A new status is moved to as the board does: offer, rejected and withdrawn also log that event. Returns the application as get_application does, without nextSteps.",
      inputSchema: z.object({
        applicationId,
        ...Object.fromEntries(Object.entries(applicationFieldsShape).map(([k, v]) => [k, v.optional()])),
        status: z.enum(APPLICATION_STATUSES).optional(),
      }),
      annotations: WRITE,
    },
    async ({ applicationId: id, status, ...changes }) =>
      run(async () => {
        const at = now();
        if (Object.keys(changes).length) await updateApplicationOp(caller, id, changes, at);
        if (status) await moveStatusOp(caller, id, status, at);
        return getApplicationOp(caller, id);
      }),
  );
  tool(
    "log_round",
    {
      title: "Log an interview round",
      description:
        "Logs a round on an application: its kind, start (scheduledAt), outcome, notes, the signals the interviewer gave, and the people met (existing ids in people, new ones in newPeople). Returns the saved round.",
      inputSchema: logRoundBody.extend({ applicationId }),
      annotations: WRITE,
    },
    async ({ applicationId: id, ...round }) => run(() => logRoundOp(caller, id, round, now())),
  );
  tool(
    "log_event",
    {
      title: "Log an event",
      description: "Logs what happened on an application: a follow-up sent, a reply, feedback, an offer (with its terms), a rejection or a withdrawal. Returns the event's id.",
      inputSchema: logEventBody.extend({ applicationId }),
      annotations: WRITE,
    },
    async ({ applicationId: id, ...event }) => run(() => logEventOp(caller, id, event, now())),
  );
  tool(
    "update_step",
    {
      title: "Update a next step",
      description:
        "Marks a next step done, snoozes it (until a time, or tomorrow 08:00 in the user's zone) or dismisses it. Done on a thank-you, follow-up or feedback request logs it too. Returns the step's new state.",
      inputSchema: stepActionBody.extend({ applicationId, key: z.string().describe("The step's key, from today or get_application.") }),
      annotations: WRITE,
    },
    async ({ applicationId: id, key, action, until }) =>
      run(() => updateStepOp(caller, id, key, { action, until: until ? instantFrom(until, caller.timeZone, "until") : undefined }, now())),
  );
  return server;
}
