import { argumentsProblem, fetchPartsProblem, formPostProblem } from "./action-envelope";
import { multipartParts } from "./multipart-parts";

// Server-action requests that Next would answer with a 500 and a stack trace
// (a body it cannot decode, one past the size limit sent without a length,
// nesting deep enough to overflow its decoder), recognised before Next reads
// them, so that they get a 4xx. Upstream: vercel/next.js#86945 (a body that
// fails to decode is a 500), #90090 (malformed multipart posts) and #92703
// (a malformed Origin header is a 500).

/**
 * Next refuses server-action bodies over 1 MB by throwing, which is a 500,
 * and React's decoder throws once one list's items and characters pass a
 * million ("Maximum array nesting exceeded"), which a body just under 1 MB
 * can reach. Under a million bytes reaches neither; no form comes near it.
 */
export const MAX_ACTION_BODY_BYTES = 1_000_000;

export type Refusal = { status: 400 | 403 | 413 | 415; message: string };

export const TOO_LARGE: Refusal = { status: 413, message: "This request is too large. Shorten the text and try again." };
export const UNCHECKABLE: Refusal = { status: 400, message: "This request could not be read. Reload the page and try again." };
const malformed = (what: string): Refusal => ({ status: 400, message: `This request could not be read: ${what}. Reload the page and try again.` });

/**
 * Next refuses an action from another origin (its CSRF check) by throwing,
 * a 500, and one with an Origin that is not a URL with "Invalid URL", a 500
 * too. The same check as Next's: the Origin's host against the Host (or the
 * proxy's X-Forwarded-Host). No Origin at all is allowed, as Next allows it.
 */
function originProblem(request: Request): Refusal | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin === "null" ? crossSite : malformed("its Origin header is not a web address");
  }
  const expected = request.headers.get("x-forwarded-host")?.split(",")[0].trim() ?? request.headers.get("host");
  // With no host to compare it with, Next's check fails the same way.
  if (!expected) return malformed("it names no host");
  return host !== expected ? crossSite : null;
}
const crossSite: Refusal = { status: 403, message: "This form was sent from another site. Open Shortlist and try again there." };

/** The body as bytes, read no further than one byte past the limit. */
export async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a teed body (Next tees it for
      // the proxy) settles only once the other branch is cancelled too.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function parsesAsFormData(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<boolean> {
  try {
    await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a POST that Next would treat as a server action must be refused, or
 * null when it is well formed. Reads a clone of the body; the original is
 * left for Next.
 */
export async function refuseMalformedAction(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_ACTION_BODY_BYTES) return TOO_LARGE;

  const contentType = request.headers.get("content-type") ?? "";
  // Lower case for the checks only: a boundary is case-sensitive.
  const type = contentType.toLowerCase();
  const isAction = request.headers.has("next-action");
  // Exactly as Next tells them apart: "Multipart/Form-Data" is decoded as text.
  const isMultipart = contentType.startsWith("multipart/form-data");
  // A form posted without JavaScript is multipart with the action's id inside; other posts are not Next's to decode.
  if (!isAction && !isMultipart) return null;
  if (isAction && !isMultipart && !type.startsWith("text/plain")) return { status: 415, message: "This request's content type is not one a form sends." };
  const origin = originProblem(request);
  if (origin) return origin;
  if (isMultipart && !/;\s*boundary=/.test(type)) return malformed("its multipart body has no boundary");

  // Sent in chunks, with no length up front: count the bytes as they come.
  const bytes = request.body ? await readCapped(request.clone().body!, MAX_ACTION_BODY_BYTES) : new Uint8Array(0);
  if (!bytes) return TOO_LARGE;

  if (!isMultipart) {
    // As Next reads it: a byte-order mark stays, and JSON.parse refuses it.
    const problem = argumentsProblem(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), { formData: false });
    return problem ? malformed(problem) : null;
  }
  const parts = await multipartParts(bytes, contentType, MAX_ACTION_BODY_BYTES);
  // A form posted without JavaScript is read by the platform's FormData instead: it must parse both ways.
  if (!parts || (!isAction && !(await parsesAsFormData(bytes, contentType)))) return malformed("it is not the multipart form it claims to be");
  const problem = isAction ? fetchPartsProblem(parts) : formPostProblem(parts);
  return problem ? malformed(problem) : null;
}
