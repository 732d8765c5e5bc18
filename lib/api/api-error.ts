import type { z } from "zod";

/** Field name -> what is wrong with it, as the forms say it. */
export type FieldProblems = Record<string, string>;

/**
 * An expected refusal from an API operation: the HTTP routes answer it with
 * its status, the MCP tools as a tool error with the same message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly fields?: FieldProblems,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFoundError = (what = "No such record.") => new ApiError(404, what);

/** The first message for each field, under the name the caller used. */
export function fieldProblems(error: z.ZodError, rename: Record<string, string> = {}): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems[[...issue.path.map(String), key].join(".")] ??= "Not a field of this request.";
      continue;
    }
    const top = issue.path.length ? String(issue.path[0]) : "body";
    const name = rename[top] ?? (issue.path.length > 1 && top !== "body" ? issue.path.map(String).join(".") : top);
    problems[name] ??= issue.message;
  }
  return problems;
}

/** A 422 naming every field that failed. */
export function invalidInput(error: z.ZodError, rename?: Record<string, string>): ApiError {
  const fields = fieldProblems(error, rename);
  const names = Object.keys(fields);
  return new ApiError(422, `Check ${names.length === 1 ? "the field" : "these fields"}: ${names.join(", ")}.`, fields);
}
