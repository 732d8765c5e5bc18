// What a server action's body may hold, checked before React's reply
// decoder (decodeReply, decodeAction) sees it. The decoder understands far
// more than Shortlist's forms send: `$` strings that point at other parts of
// the body (`$1`, `$Q1`, `$@1`, `$B1`, `$h1`, `$T`...), streams, typed arrays,
// server references. A reference to a part that is missing or of the wrong
// kind makes it throw ("Connection closed", "Invalid forward reference"),
// and so does a root that is not a list of arguments: Next answers each with
// a 500. So this allows only the shapes our forms produce and refuses the
// rest, whatever it would have meant to the decoder:
// - a fetch action's arguments: a JSON list whose strings carry no reference,
//   with FormData arguments (`$K1`) whose entries travel as `_1_name` parts;
// - a form posted without JavaScript: `$ACTION_ID_<id>`, or `$ACTION_REF_<n>`
//   with its descriptor `$ACTION_<n>:0` ({"id","bound":"$@k"}) and the bound
//   arguments in `$ACTION_<n>:<k>`.

/** One part of a multipart body, as the decoder's parser (busboy) reports it. */
export type Part = { name: string; value: string } | { name: string; file: { encoding: string } };

/** React's depth-first JSON reviver recurses per level; far above any real request. */
export const MAX_JSON_DEPTH = 32;

/**
 * `$` strings that stand for a value, not for another part: an escaped `$`
 * ("$$5" is "$5"), undefined, the special numbers, and a Date.
 */
const PLAIN_VALUE = /^\$(\$|D|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;
/** A FormData argument: its entries are the parts named `_<id>_...`. */
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]{1,8}$/;

/** How deep arrays and objects nest in JSON text, strings skipped; Infinity once past `limit`, without parsing. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return Infinity;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: "it is nested too deeply" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: "it is not the JSON it claims to be" };
  }
}

/** The first string in `value` that the decoder would read as a reference, if any. */
function firstReference(value: unknown, allowFormData: boolean): string | null {
  if (typeof value === "string") {
    if (!value.startsWith("$") || PLAIN_VALUE.test(value)) return null;
    return allowFormData && FORM_DATA_REFERENCE.test(value) ? null : value;
  }
  if (typeof value !== "object" || value === null) return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = firstReference(item, allowFormData);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A list of arguments as JSON (a fetch action's text body, its `0` part, or a
 * form's bound arguments): why the decoder would choke on it, or null.
 */
export function argumentsProblem(text: string, { formData }: { formData: boolean }): string | null {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.problem;
  if (!Array.isArray(parsed.value)) return "its arguments are not a list";
  return firstReference(parsed.value, formData) === null ? null : "it refers to parts no Shortlist form sends";
}

/** A fetch action's multipart body: one `0` part of arguments, and FormData entries. */
export function fetchPartsProblem(parts: Part[]): string | null {
  const roots = parts.filter((p) => p.name === "0");
  if (roots.length !== 1) return roots.length ? "it has more than one list of arguments" : "it has no arguments";
  for (const part of parts) {
    // Any other part would be an outlined value (a Map, a Blob, a promise...) no form sends.
    if (part.name !== "0" && !/^_[0-9a-f]{1,8}_/.test(part.name)) return "it has a part no Shortlist form sends";
    // The decoder refuses base64 file parts by throwing.
    if ("file" in part && (part.name === "0" || part.file.encoding.toLowerCase() === "base64")) return "it has a file where none belongs";
  }
  const root = roots[0];
  return "value" in root ? argumentsProblem(root.value, { formData: true }) : "it has a file where none belongs";
}

const text = (parts: Part[], name: string): string | null => {
  const found = parts.filter((p) => p.name === name);
  return found.length === 1 && "value" in found[0] ? found[0].value : null;
};

/** A bound action's descriptor, `{"id":"...","bound":null|"$@k"}`, and the arguments it points at. */
function boundActionProblem(parts: Part[], prefix: string): string | null {
  const descriptor = text(parts, `${prefix}0`);
  if (descriptor === null) return "its action has no description";
  const parsed = parseJson(descriptor);
  if (!parsed.ok) return parsed.problem;
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "its action's description is not an object";
  const { id, bound, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length || typeof id !== "string" || id.startsWith("$")) return "its action's description is not one Shortlist writes";
  if (bound === null || bound === undefined) return null;
  const chunk = typeof bound === "string" && /^\$@[0-9a-f]{1,8}$/.test(bound) ? parseInt(bound.slice(2), 16) : null;
  if (chunk === null || chunk === 0) return "its action's description is not one Shortlist writes";
  const args = text(parts, `${prefix}${chunk}`);
  return args === null ? "its action's arguments are missing" : argumentsProblem(args, { formData: false });
}

/**
 * A multipart post with no action header: a form sent before JavaScript ran.
 * Its own fields may be anything; its `$ACTION_` fields must describe the
 * action the way React writes them. Null when there are none: Next then
 * refuses it (400) or leaves it to the route.
 */
export function formPostProblem(parts: Part[]): string | null {
  for (const part of parts) {
    if (!part.name.startsWith("$ACTION_REF_")) continue;
    if (!("value" in part)) return "it has a file where none belongs";
    const problem = boundActionProblem(parts, `$ACTION_${part.name.slice("$ACTION_REF_".length)}:`);
    if (problem) return problem;
  }
  for (const part of parts) {
    // Other `$ACTION_<n>:<k>` parts are read only through a descriptor, but must still be JSON.
    if (!/^\$ACTION_\d+:\d+$/.test(part.name)) continue;
    if (!("value" in part)) return "it has a file where none belongs";
    const parsed = parseJson(part.value);
    if (!parsed.ok) return parsed.problem;
  }
  return null;
}
