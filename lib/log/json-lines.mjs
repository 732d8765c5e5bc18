// Every line the server writes is one JSON object, so that a collector
// (Loki, Vector, Fluent Bit...) can parse it: {"time","level","message",
// "requestId","request",...}. Plain JavaScript because server.mjs, which
// Node runs without a build, installs it before anything else loads; the
// app's own code reaches it through the console and globalThis.
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import { isMainThread } from "node:worker_threads";

/** One store per request (server.mjs opens it): `{ id, request: "POST /board" }`. */
export const requestContext = (globalThis[Symbol.for("shortlist.requestContext")] ??= new AsyncLocalStorage());

const CONSOLE_LEVELS = { debug: "debug", trace: "debug", log: "info", info: "info", warn: "warn", error: "error" };
/** How long one error (or warning) is written once, with later repeats only counted. */
export const REPEAT_WINDOW_MS = 60_000;
const MAX_KEYS = 1_000;

const isError = (value) => value instanceof Error || (typeof value === "object" && value !== null && typeof value.message === "string" && typeof value.stack === "string");

/** An error as fields: one line, with the digest the user was shown (Next's error pages print it) and the stack as one string. */
function errorFields(error) {
  const fields = { name: error.name, message: error.message };
  if (error.digest !== undefined) fields.digest = String(error.digest);
  if (error.code !== undefined) fields.code = String(error.code);
  if (typeof error.stack === "string") fields.stack = error.stack;
  if (error.cause !== undefined) fields.cause = isError(error.cause) ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
  return fields;
}

/**
 * A writer of JSON lines. `write` gets each finished line; `now` and the
 * request context are injected so a test can drive them.
 */
export function createLineWriter({ write, now = () => Date.now(), context = () => requestContext.getStore(), windowMs = REPEAT_WINDOW_MS }) {
  const repeats = new Map();
  const reported = new WeakSet();

  /** False when this line repeats one already written in the window (it is counted instead). */
  function admit(key, fields) {
    const at = now();
    const seen = repeats.get(key);
    if (seen && at - seen.since < windowMs) {
      seen.suppressed++;
      return false;
    }
    if (seen?.suppressed) fields.repeatsSuppressed = seen.suppressed;
    repeats.delete(key);
    if (repeats.size >= MAX_KEYS) repeats.delete(repeats.keys().next().value);
    repeats.set(key, { since: at, suppressed: 0 });
    return true;
  }

  /** One line: `level`, a message, and fields; warnings and errors are rate-limited by what they say. */
  function line(level, message, fields = {}) {
    const store = context();
    const entry = { time: new Date(now()).toISOString(), level, message, requestId: store?.id ?? null, ...(store?.request ? { request: store.request } : {}), ...fields };
    if (level === "warn" || level === "error") {
      const key = `${level}|${fields.error?.digest ?? ""}|${fields.error?.name ?? ""}|${message.slice(0, 300)}`;
      if (!admit(key, entry)) return;
    }
    let text;
    try {
      text = JSON.stringify(entry);
    } catch {
      text = JSON.stringify({ time: entry.time, level, message, requestId: entry.requestId, note: "fields could not be serialised" });
    }
    write(`${text}\n`);
  }

  /** What console.error(…) and friends become: the first error among the arguments gives the line its fields. */
  function consoleLine(method, args) {
    const error = args.find(isError);
    if (error && reported.has(error)) return;
    if (error) reported.add(error);
    const rest = args.filter((a) => a !== error);
    const text = format(...rest).trim();
    const message = error ? (text ? `${text} ${error.message}` : error.message) : text;
    line(CONSOLE_LEVELS[method] ?? "info", message, error ? { error: errorFields(error) } : {});
  }

  /** An unexpected error with what is known of its request (from onRequestError); once per error object. */
  function errorLine(error, fields = {}) {
    if (isError(error)) {
      if (reported.has(error)) return;
      reported.add(error);
      line("error", error.message, { ...fields, error: errorFields(error) });
    } else line("error", String(error), fields);
  }

  return { line, consoleLine, errorLine };
}

/**
 * Replaces the console's methods, and wraps stdout and stderr so that even
 * a stray write becomes JSON lines. Returns the writer (also kept on
 * globalThis for the app's bundled code).
 */
export function installJsonLines() {
  const key = Symbol.for("shortlist.jsonLines");
  if (globalThis[key]) return globalThis[key];
  const rawWrite = process.stdout.write.bind(process.stdout);
  const writer = createLineWriter({ write: (text) => rawWrite(text) });
  for (const method of Object.keys(CONSOLE_LEVELS)) console[method] = (...args) => writer.consoleLine(method, args);
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    let pending = "";
    stream.write = (chunk, encoding, callback) => {
      const text = pending + (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const lines = text.split("\n");
      pending = lines.pop() ?? "";
      for (const each of lines) {
        if (!each.trim()) continue;
        if (each.startsWith("{") && each.endsWith("}")) original(`${each}\n`);
        else writer.line(stream === process.stderr ? "warn" : "info", each);
      }
      if (typeof encoding === "function") encoding();
      else if (typeof callback === "function") callback();
      return true;
    };
  }
  // In a worker these reach the parent as the worker's "error" event instead.
  if (isMainThread) {
    process.on("uncaughtException", (error) => {
      writer.errorLine(error, { fatal: true });
      process.exit(1);
    });
    process.on("unhandledRejection", (reason) => writer.errorLine(reason, { unhandledRejection: true }));
  }
  globalThis[key] = writer;
  return writer;
}
