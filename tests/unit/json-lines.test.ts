import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLineWriter, REPEAT_WINDOW_MS } from "@/lib/log/json-lines.mjs";

function writer(store: { id: string; request?: string } | null = { id: "req-1", request: "POST /board" }) {
  const lines: string[] = [];
  let now = Date.parse("2026-12-07T10:00:00Z");
  const w = createLineWriter({ write: (text) => lines.push(text), now: () => now, context: () => store ?? undefined });
  return { w, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), advance: (ms: number) => (now += ms) };
}

const failure = (message: string, digest?: string) => Object.assign(new Error(message), digest ? { digest } : {});

describe("the console bridge", () => {
  it("writes an error as one JSON line with time, level, message, request id and the digest the user saw", () => {
    const { w, lines, parsed } = writer();
    w.consoleLine("error", [failure("Connection closed.\nsecond line", "2741859215")]);
    expect(lines).toHaveLength(1);
    expect(lines[0].trimEnd().split("\n")).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({
      time: "2026-12-07T10:00:00.000Z",
      level: "error",
      message: "Connection closed.\nsecond line",
      requestId: "req-1",
      request: "POST /board",
      error: { name: "Error", digest: "2741859215", stack: expect.stringContaining("Connection closed.") },
    });
  });

  it("maps each console method to a level, formats its arguments, and has a null request id outside a request", () => {
    const { w, parsed } = writer(null);
    w.consoleLine("log", ["ready on %s", "http://127.0.0.1:3000"]);
    w.consoleLine("warn", ["careful", { a: 1 }]);
    w.consoleLine("info", ["import failed:", failure("disk full")]);
    expect(parsed()).toEqual([
      expect.objectContaining({ level: "info", message: "ready on http://127.0.0.1:3000", requestId: null }),
      expect.objectContaining({ level: "warn", message: "careful { a: 1 }" }),
      expect.objectContaining({ level: "info", message: "import failed: disk full", error: expect.objectContaining({ message: "disk full" }) }),
    ]);
  });

  it("writes one error once, whether the console or onRequestError reports it first", () => {
    const { w, lines } = writer();
    const error = failure("boom", "1");
    w.consoleLine("error", [error]);
    w.errorLine(error, { route: "/board" });
    const other = failure("bang", "2");
    w.errorLine(other, { route: "/board" });
    w.consoleLine("error", [other]);
    expect(lines).toHaveLength(2);
  });

  it("rate-limits repeats of one error: counted within the window, the count carried by the next line after it", () => {
    const { w, parsed, advance } = writer();
    for (let i = 0; i < 50; i++) {
      w.consoleLine("error", [failure("Connection closed.", "99")]);
      advance(100);
    }
    // Another error, and info lines, are not held back by it.
    w.consoleLine("error", [failure("Invalid forward reference", "98")]);
    for (let i = 0; i < 3; i++) w.consoleLine("log", ["same info"]);
    expect(parsed().map((l) => l.message)).toEqual(["Connection closed.", "Invalid forward reference", "same info", "same info", "same info"]);
    advance(REPEAT_WINDOW_MS);
    w.consoleLine("error", [failure("Connection closed.", "99")]);
    expect(parsed().at(-1)).toMatchObject({ message: "Connection closed.", repeatsSuppressed: 49 });
    advance(REPEAT_WINDOW_MS);
    w.consoleLine("error", [failure("Connection closed.", "99")]);
    expect(parsed().at(-1)).not.toHaveProperty("repeatsSuppressed");
  });

  it("in a process: console calls, raw writes to stdout and stderr, and an uncaught error all come out as JSON lines", () => {
    const script = `
      import { installJsonLines } from ${JSON.stringify(path.resolve("lib/log/json-lines.mjs"))};
      installJsonLines();
      console.log("hello\\nworld");
      console.error(new TypeError("CreateListFromArrayLike called on non-object"));
      process.stdout.write("a stray line\\nand half ");
      process.stdout.write("of another\\n");
      process.stderr.write("a warning on stderr\\n");
      process.stdout.write(JSON.stringify({ level: "info", message: "already JSON" }) + "\\n");
      setTimeout(() => { throw new Error("uncaught"); }, 0);
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    const lines = `${run.stdout}${run.stderr}`.split("\n").filter(Boolean);
    expect(run.status).toBe(1);
    const parsed = lines.map((line) => JSON.parse(line) as { message: string; level: string });
    expect(parsed.map((l) => l.message)).toEqual([
      "hello\nworld",
      "CreateListFromArrayLike called on non-object",
      "a stray line",
      "and half of another",
      "a warning on stderr",
      "already JSON",
      "uncaught",
    ]);
  });
});
