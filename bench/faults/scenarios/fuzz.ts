// Malformed action requests, the way a scanner or a broken client sends
// them: every envelope class that used to give a 500 (and some that never
// did), plus random values in well-formed forms, and every other request the
// envelope fuzzer (envelopes.ts) makes, signed in or not. No request may get
// a 5xx, no half-written row may appear, and every line the server wrote
// must be one JSON object.
import path from "node:path";
import { dice, prng } from "../../generate";
import { actionId, applicationIdFrom, signUp } from "../client";
import { envelopeGenerator } from "../envelopes";
import { logLines } from "../log-lines";
import { startServer } from "../app-server";
import { check, count, type Context, type ScenarioResult } from "../scenario";
import { inspect } from "../verify";

type Fuzzed = { kind: string; path: string; headers: Record<string, string>; body?: BodyInit; chunked?: boolean; oversized?: boolean; signedIn?: boolean };

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const BOUNDARY = "----ShortlistFuzzBoundary7MA4YWxk";

function multipartBody(fields: [string, string][], boundary = BOUNDARY): string {
  return `${fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")}--${boundary}--\r\n`;
}

const formFields = (fields: Record<string, string>, args = JSON.stringify([{}, "$K1"])): [string, string][] => [
  ...Object.entries(fields).map(([k, v]): [string, string] => [`_1_${k}`, v]),
  ["0", args],
];

/** A stream of `bytes` bytes sent in chunks with no Content-Length. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x5b));
    },
  });
}

function generator(seed: number, baseUrl: string) {
  const random = prng(seed);
  const { int, pick, chance } = dice(random);
  const create = actionId("createApplicationAction");
  const move = actionId("moveCardAction");
  const signUpId = actionId("signUpAction");
  // Header values must be bytes, or fetch refuses them before sending.
  const ascii = (n: number) => Array.from({ length: n }, () => String.fromCharCode(int(0x21, 0x7e))).join("");
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(int(0, 0x7ff))).join("");
  const value = () => pick(["", " ", "x".repeat(int(1, 300)), "<script>alert(1)</script>", "-1", "1e309", "2026-13-45", "NaN", junk(int(1, 40)), "'; drop table applications; --"]);
  const validFields = () => ({ company: `fuzz-${int(0, 1e9)}`, roleTitle: "Fuzzed", status: "applied" });
  const action = (id: string) => ({ "next-action": id, origin: baseUrl });
  const multipart = (boundary = BOUNDARY) => ({ "content-type": `multipart/form-data; boundary=${boundary}` });

  const classes: [string, () => Omit<Fuzzed, "kind">][] = [
    ["multipart without a boundary", () => ({ path: "/applications/new", headers: { ...action(create), "content-type": "multipart/form-data" }, body: multipartBody(formFields(validFields())) })],
    [
      "multipart cut short",
      () => {
        const body = multipartBody(formFields(validFields()));
        return { path: "/applications/new", headers: { ...action(create), ...multipart() }, body: body.slice(0, int(1, body.length - 10)) };
      },
    ],
    ["multipart with another boundary", () => ({ path: "/applications/new", headers: { ...action(create), ...multipart("Other") }, body: multipartBody(formFields(validFields())) })],
    ["text/plain that is not JSON", () => ({ path: "/board", headers: { ...action(move), "content-type": "text/plain" }, body: pick(["[", "{{", "[zxc]", junk(int(1, 200))]) })],
    ["JSON arguments that are not a list", () => ({ path: "/board", headers: { ...action(move), "content-type": "text/plain" }, body: pick(['"x"', "{}", "1", "null", '{"a":[1]}']) })],
    ["deep nesting, text/plain", () => ({ path: "/board", headers: { ...action(move), "content-type": "text/plain" }, body: nested(int(100, 50_000)) })],
    ["deep nesting in a form's arguments", () => ({ path: "/applications/new", headers: { ...action(create), ...multipart() }, body: multipartBody(formFields(validFields(), nested(int(100, 20_000)))) })],
    ["an unsupported content type", () => ({ path: "/applications/new", headers: { ...action(create), "content-type": pick(["application/json", "application/x-www-form-urlencoded", "image/png", ""]) }, body: "[]" })],
    ["a malformed or foreign Origin", () => ({ path: "/board", headers: { "next-action": move, origin: pick(["http://[::bad", "null", "http://evil.example", "::::"]), "content-type": "text/plain" }, body: "[{}]" })],
    ["wrong argument shapes", () => ({ path: "/applications/new", headers: { ...action(create), "content-type": "text/plain" }, body: pick(["[]", "[1,2,3]", '[{}, "x"]', '[{"applicationId":1}]', '[null, {"company":"x"}]']) })],
    ["a board move with junk", () => ({ path: "/board", headers: { ...action(move), "content-type": "text/plain" }, body: JSON.stringify([{ applicationId: value(), status: value() }]) })],
    ["an unknown or malformed action id", () => ({ path: "/applications/new", headers: { "next-action": pick(["7f" + "0".repeat(40), "../../etc", ascii(int(1, 60)), "x".repeat(5000)]), origin: baseUrl, "content-type": "text/plain" }, body: "[]" })],
    [
      "a body past 1 MB, with its length",
      () => ({ path: "/applications/new", headers: { ...action(create), "content-type": "text/plain" }, body: `["${"x".repeat(int(1_048_577, 1_500_000))}"]`, oversized: true }),
    ],
    ["random field values in a well-formed form", () => ({ path: "/applications/new", headers: { ...action(create), ...multipart() }, body: multipartBody(formFields({ company: value(), roleTitle: value(), status: pick(["applied", "offer", value()]), salaryMin: value(), salaryMax: value(), appliedOn: value(), excitement: value(), postingUrl: value() })) })],
    ["sign-up with junk", () => ({ path: "/sign-up", headers: { ...action(signUpId), ...multipart() }, body: multipartBody(formFields({ name: value(), email: value(), password: value() })) })],
  ];
  return {
    classes: classes.map(([kind]) => kind),
    next(i: number): Fuzzed {
      const [kind, make] = classes[i % classes.length];
      return { kind, ...make() };
    },
    chunkedOversize(): Fuzzed {
      return {
        kind: "a chunked body past 1 MB",
        path: "/board",
        headers: { ...action(move), "content-type": "text/plain" },
        body: chunkedBody(int(1_100_000, 3_000_000)),
        chunked: true,
        oversized: true,
      };
    },
    chance,
  };
}

export async function malformedFuzz(ctx: Context): Promise<ScenarioResult> {
  const started = performance.now();
  const total = ctx.short ? 600 : 13_000;
  const chunkedEvery = ctx.short ? 100 : 500;
  const dbPath = path.join(ctx.dir, "fuzz", "shortlist.db");
  const logFile = path.join(ctx.dir, "fuzz.log");
  const server = startServer({ port: await ctx.port(), dbPath, logFile });
  const byStatus = new Map<number, number>();
  const byKind = new Map<string, Map<number, number>>();
  const saved = new Set<string>();
  let networkErrors = 0;
  let shownFailures = 0;
  // The 413 comes before the upload ends; the client may then see the
  // connection close under the rest of its body. Refused either way.
  let closedWhileSending = 0;
  try {
    await server.ready;
    const cookie = await signUp(server.url, "fuzz@bench.shortlist.local", "bench-password-not-secret");
    const gen = generator(20_261_201, server.url);
    const envelopes = envelopeGenerator(dice(prng(20_261_207)), server.url);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < total; i = next++) {
        // Every other request is the envelope fuzzer's.
        const request: Fuzzed = i % chunkedEvery === 0 ? gen.chunkedOversize() : i % 2 ? envelopes.next(i >> 1) : gen.next(i >> 1);
        try {
          const res = await fetch(`${server.url}${request.path}`, {
            method: "POST",
            redirect: "manual",
            headers: { ...request.headers, ...(request.signedIn === false ? {} : { cookie }) },
            body: request.body,
            ...(request.chunked ? { duplex: "half" } : {}),
          } as RequestInit);
          await res.text();
          const id = applicationIdFrom(res.headers.get("x-action-redirect"));
          if (id) saved.add(id);
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          if (res.status >= 500 && shownFailures++ < 5) {
            const body = typeof request.body === "string" ? request.body : "(bytes)";
            ctx.say(`  fuzz: ${res.status} for ${request.kind}: POST ${request.path} ${JSON.stringify(request.headers)} ${JSON.stringify(body.slice(0, 400))}`);
          }
          const kind = byKind.get(request.kind) ?? new Map<number, number>();
          kind.set(res.status, (kind.get(res.status) ?? 0) + 1);
          byKind.set(request.kind, kind);
        } catch (error) {
          if (request.oversized) closedWhileSending++;
          else {
            networkErrors++;
            ctx.say(`  fuzz: ${request.kind} got no answer: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    server.kill("SIGTERM");
    await server.exit;
  }
  const state = inspect(dbPath);
  const { lines, notJson } = logLines(logFile);
  if (notJson.length) ctx.say(`  fuzz: ${notJson.length} log line(s) not JSON with time, level, message and requestId, the first: ${notJson[0].slice(0, 300)}`);
  const fiveHundreds = [...byStatus].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
  const unexplained = [...state.applicationIds].filter((id) => !saved.has(id)).length;
  const statuses = [...byStatus].sort(([a], [b]) => a - b);
  ctx.say(`  by class: ${[...byKind].map(([kind, s]) => `${kind}: ${[...s].map(([code, n]) => `${code}×${n}`).join(" ")}`).join("; ")}`);

  return {
    name: `malformed action requests (${count(total)}, 8 at a time)`,
    table: [
      ["requests", ...statuses.map(([s]) => String(s)), "oversized, closed while sending", "network errors", "saved (well-formed values)", "rows saved without a confirmation", "integrity", "log lines", "not JSON"],
      [count(total), ...statuses.map(([, n]) => count(n)), count(closedWhileSending), count(networkErrors), count(saved.size), count(unexplained), state.integrity ? "ok" : "FAILED", count(lines), count(notJson.length)],
    ],
    checks: [
      check("fuzz: no 5xx", fiveHundreds === 0, `${fiveHundreds} 5xx`),
      check("fuzz: every request was answered", networkErrors === 0, `${networkErrors} network errors`),
      check("fuzz: no row saved that was not confirmed", unexplained === 0, `${unexplained}`),
      check("fuzz: integrity_check ok", state.integrity, state.integrity ? "ok" : "failed"),
      check("fuzz: every line the server wrote is one JSON object (time, level, message, requestId)", notJson.length === 0, `${notJson.length} of ${lines} not`),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
