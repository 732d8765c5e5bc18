import { z } from "zod";
import * as responses from "./responses";
import * as schemas from "./schemas";

type Route = {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  scope: "read" | "write";
  query?: z.ZodObject;
  body?: z.ZodType;
  status?: 200 | 201;
  response: z.ZodType;
};

/** Every route of /api/v1: the document below and the test that calls each are made from this list. */
export const API_ROUTES: Route[] = [
  { method: "get", path: "/applications", summary: "List applications, with the list page's filters and search, a page at a time.", scope: "read", query: schemas.listApplicationsQuery, response: responses.applicationListResponse },
  { method: "post", path: "/applications", summary: "Add an application.", scope: "write", body: schemas.createApplicationBody, status: 201, response: responses.applicationResponse },
  { method: "get", path: "/applications/{id}", summary: "One application with its rounds (signals, people), events and everyone met.", scope: "read", response: responses.applicationResponse },
  { method: "patch", path: "/applications/{id}", summary: "Change an application's fields; null clears one.", scope: "write", body: schemas.updateApplicationBody, response: responses.applicationResponse },
  { method: "post", path: "/applications/{id}/status", summary: "Move an application to another status, as the board does.", scope: "write", body: schemas.moveStatusBody, response: responses.statusMoveResponse },
  { method: "post", path: "/applications/{id}/rounds", summary: "Log an interview round with its signals and people.", scope: "write", body: schemas.logRoundBody, status: 201, response: responses.roundResponse },
  { method: "post", path: "/applications/{id}/events", summary: "Log an event: a follow-up sent, a reply, an offer, a rejection…", scope: "write", body: schemas.logEventBody, status: 201, response: responses.eventLoggedResponse },
  { method: "get", path: "/applications/{id}/steps", summary: "One application's next steps, with why each fired and where the advice comes from.", scope: "read", response: responses.applicationStepsResponse },
  { method: "post", path: "/applications/{id}/steps/{key}", summary: "Mark a step done, snooze it or dismiss it.", scope: "write", body: schemas.stepActionBody, response: responses.stepUpdatedResponse },
  { method: "get", path: "/applications/{id}/draft", summary: "The message an open step offers (thank-you, follow-up, feedback request…).", scope: "read", query: schemas.draftQuery, response: responses.draftResponse },
  { method: "get", path: "/today", summary: "Today and Coming up, as the dashboard shows them.", scope: "read", query: schemas.todayQuery, response: responses.todayResponse },
  { method: "get", path: "/people", summary: "Everyone met in a round, with their rounds.", scope: "read", response: responses.peopleResponse },
  { method: "get", path: "/people/{id}", summary: "One person, with their rounds.", scope: "read", response: responses.personDetailResponse },
];

type JsonSchema = Record<string, unknown>;

/** Named schemas (a zod schema's meta id) go to components.schemas, and every reference points there. */
const components: Record<string, JsonSchema> = {};

function hoisted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hoisted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, key === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/") : hoisted(inner)]),
  );
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema, $defs, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  void $schema;
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = hoisted(definition) as JsonSchema;
  const { id, ...body } = hoisted(rest) as JsonSchema;
  // A named schema at the top comes back whole, with its id: refer to it instead.
  if (typeof id === "string") {
    components[id] = body;
    return { $ref: `#/components/schemas/${id}` };
  }
  return body;
}

const errorContent = (description: string) => ({ description, content: { "application/json": { schema: jsonSchema(responses.errorResponse, "output") } } });

function queryParameters(query: z.ZodObject) {
  const shape = jsonSchema(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: shape.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that check each request. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const status = String(route.status ?? 200);
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      description: `Needs a ${route.scope === "read" ? "read or read-and-write" : "read-and-write"} token.`,
      security: [{ bearer: [] }],
      parameters: [...pathParameters(route.path), ...(route.query ? queryParameters(route.query) : [])],
      ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
      responses: {
        [status]: { description: "Done.", content: { "application/json": { schema: jsonSchema(route.response, "output") } } },
        "400": errorContent("Malformed JSON, or a query parameter given twice."),
        "401": errorContent("No token, or one that is unknown, revoked or expired."),
        "403": errorContent("A read token asked to write."),
        ...(route.path.includes("{") ? { "404": errorContent("No such record in the token's account (another user's looks the same).") } : {}),
        ...(route.body ? { "413": errorContent("The body is too large."), "415": errorContent("The body is not JSON.") } : {}),
        "422": errorContent("A field is wrong; error.fields names it."),
        "429": errorContent("Too many requests with this token; see Retry-After."),
        "503": errorContent("The database could not read or save; nothing was saved."),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Shortlist API",
      version: "1",
      description: "Your job applications, interview rounds, signals and next steps. Authenticate with a personal access token from Settings → Access tokens.",
    },
    servers: [{ url: serverUrl }],
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal access token (shl_…)." } } },
    paths,
  };
}
