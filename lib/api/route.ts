import "server-only";
import type { z } from "zod";
import { readCapped } from "@/lib/http/action-request";
import type { TokenScope } from "@/lib/data/access-tokens";
import { ApiError, invalidInput } from "./api-error";
import { authenticate, type ApiCaller } from "./authenticate";
import { answerFailure, json } from "./respond";

/** Bigger than any form's worth of text; a body past it is refused unread. */
export const MAX_API_BODY_BYTES = 256 * 1024;

type Context<P> = { caller: ApiCaller; request: Request; params: P; now: Date };
type Handler<P> = (context: Context<P>) => Promise<unknown>;

/**
 * A route handler of /api/v1: the bearer token first (its owner is the only
 * user the handler can act for), then the handler, whose result is sent as
 * JSON. Every refusal is a 4xx in one JSON shape; a failure of the storage a
 * 503 that says nothing was saved.
 */
export function apiRoute<P = Record<string, never>>(scope: TokenScope, handler: Handler<P>, status = 200) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const now = new Date();
      const caller = await authenticate(request, scope, now);
      const result = await handler({ caller, request, params: await segment.params, now });
      return json(result, status);
    } catch (error) {
      return answerFailure(error);
    }
  };
}

/** The request's JSON body, checked against `schema`: 413, 415, 400 or 422 naming the field, never a 500. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(type)) throw new ApiError(415, "Send the body as JSON, with Content-Type: application/json.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_API_BODY_BYTES) throw tooLarge();
  const bytes = request.body ? await readCapped(request.body, MAX_API_BODY_BYTES) : new Uint8Array(0);
  if (!bytes) throw tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError(400, "The body is not valid JSON.", { body: "Not valid JSON." });
  }
  return parse(schema, parsed);
}

/** The query string, checked against `schema` (each parameter once). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const values: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in values) throw new ApiError(400, `Give ${key} once.`, { [key]: "Given more than once." });
    values[key] = value;
  }
  return parse(schema, values);
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

const tooLarge = () => new ApiError(413, `The body is larger than ${MAX_API_BODY_BYTES / 1024} KB.`);
