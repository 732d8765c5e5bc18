import path from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseMalformedAction } from "@/lib/http/action-request";

// Each envelope goes through the check, and through React's real decoder
// (support/react-decoder.mjs): the issue's shapes must be refused, the
// shapes our forms send must pass, and anything the check lets through must
// decode to a list of arguments without throwing, which is what keeps Next
// from answering 500.

type Kind = "text" | "fetch" | "form";
type Envelope = { kind: Kind; body: string; contentType: string };

let decoder: Worker;
let nextId = 0;
const waiting = new Map<number, (answer: { ok: boolean; list?: boolean; error?: string }) => void>();
beforeAll(() => {
  decoder = new Worker(path.resolve("tests/unit/support/react-decoder.mjs"), { execArgv: ["--conditions=react-server"] });
  decoder.on("message", (answer: { id: number; ok: boolean }) => waiting.get(answer.id)?.(answer));
});
afterAll(() => decoder.terminate());

const decode = (envelope: Envelope) =>
  new Promise<{ ok: boolean; list?: boolean; error?: string }>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    decoder.postMessage({ id, ...envelope });
  });

const BOUNDARY = "----WebKitFormBoundaryCjA1Hryv7G1EPqty";
/** A part's name may carry extra header lines after a newline: `0\nContent-Type: text/plain; charset=utf-16`. */
const multipart = (parts: [string, string][], file?: [string, string]) =>
  [
    ...parts.map(([name, value]) => {
      const [first, ...headers] = name.split("\n");
      return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${first}"\r\n${headers.map((h) => `${h}\r\n`).join("")}\r\n${value}\r\n`;
    }),
    ...(file ? [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file[0]}"; filename="a.txt"\r\nContent-Type: text/plain\r\n${file[1]}\r\nhello\r\n`] : []),
    `--${BOUNDARY}--\r\n`,
  ].join("");

const text = (body: string): Envelope => ({ kind: "text", body, contentType: "text/plain;charset=UTF-8" });
const fetchForm = (parts: [string, string][], file?: [string, string]): Envelope => ({ kind: "fetch", body: multipart(parts, file), contentType: `multipart/form-data; boundary=${BOUNDARY}` });
const plainForm = (parts: [string, string][], file?: [string, string]): Envelope => ({ kind: "form", body: multipart(parts, file), contentType: `multipart/form-data; boundary=${BOUNDARY}` });

function checked({ kind, body, contentType }: Envelope) {
  const headers: Record<string, string> = { "content-type": contentType, host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
  if (kind !== "form") headers["next-action"] = "60305e73b1829b7635df30c4abe7e95e1cfe069b8b";
  return refuseMalformedAction(new Request("http://127.0.0.1:3000/board", { method: "POST", body, headers }));
}

const FIELDS: [string, string][] = [
  ["_1_company", "Acme"],
  ["_1_roleTitle", "Engineer"],
];
const DESCRIPTOR = '{"id":"7f3a5e73b1829b7635df30c4abe7e95e1cfe069b8b","bound":"$@1"}';

/** Every kind of `$` string React's decoder reads as something other than text. */
const REFERENCES = ["$1", "$0", "$0:0", "$Q1", "$W1", "$i1", "$T", "$@1", "$@0", "$n1", "$n" + "9".repeat(400), "$B1", "$F1", "$h1", "$Z", "$K1", "$R1", "$r1", "$X1", "$x1", "$A1", "$O1", "$o1", "$U1", "$S1", "$s1", "$L1", "$l1", "$G1", "$g1", "$M1", "$m1", "$V1", "$H", "$u", "$Y", "$"];

describe("the shapes the issue found (each a 500 before)", () => {
  const shapes: [string, Envelope][] = [
    ["a multipart body with no 0 part", fetchForm(FIELDS)],
    ['["$Q1"]', text('["$Q1"]')],
    ['[{},"$1"]', text('[{},"$1"]')],
    ['"x"', text('"x"')],
    ["null", text("null")],
    ['["$Q1"] in a multipart 0 part', fetchForm([...FIELDS, ["0", '["$Q1"]']])],
    ['[{},"$1"] in a multipart 0 part', fetchForm([...FIELDS, ["0", '[{},"$1"]']])],
  ];
  it.each(shapes)("%s: the decoder fails on it, and the check refuses it with a 400", async (_, envelope) => {
    const decoded = await decode(envelope);
    expect(decoded.ok && decoded.list).toBe(false);
    expect(await checked(envelope)).toMatchObject({ status: 400 });
  });
});

describe("references of every kind", () => {
  const places = (ref: string) => [`[${JSON.stringify(ref)}]`, `[{},{"a":[1,{"b":${JSON.stringify(ref)}}]}]`];
  it.each(REFERENCES)("%s is refused in a fetch action's text body, nested or not", async (ref) => {
    for (const body of places(ref)) expect(await checked(text(body)), body).toMatchObject({ status: 400 });
  });
  it.each(REFERENCES.filter((r) => r !== "$K1"))("%s is refused in a multipart 0 part and in a form's bound arguments", async (ref) => {
    for (const body of places(ref)) {
      expect(await checked(fetchForm([...FIELDS, ["0", body]])), body).toMatchObject({ status: 400 });
      expect(await checked(plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", DESCRIPTOR], ["$ACTION_1:1", body]])), body).toMatchObject({ status: 400 });
    }
  });
});

describe("other envelopes that fail", () => {
  const refused: [string, Envelope][] = [
    ["two 0 parts", fetchForm([["0", "[]"], ["0", "[]"]])],
    ["a file as the 0 part", fetchForm(FIELDS, ["0", ""])],
    ["a base64 file", fetchForm([...FIELDS, ["0", '[{},"$K1"]']], ["_1_cv", "Content-Transfer-Encoding: base64"])],
    ["an outlined part", fetchForm([["1", "[]"], ["0", '[{},"$K1"]']])],
    ["a string-chunk part", fetchForm([["S1", "x"], ["0", "[]"]])],
    ["a byte-order mark before the JSON", text('\uFEFF[{"applicationId":"a"}]')],
    [
      "a part in a charset the parser cannot decode",
      { kind: "fetch", body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\nContent-Type: text/plain; charset=utf-16\r\n\r\n[{},"$K1"]\r\n--${BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${BOUNDARY}` },
    ],
    ["a form whose bound arguments are missing", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", DESCRIPTOR]])],
    ["a form whose descriptor is missing", plainForm([["$ACTION_REF_1", ""]])],
    ["a descriptor that is not JSON", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f3a", x']])],
    ["a descriptor with more in it", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f","bound":null,"x":"$Q2"}']])],
    ["a descriptor bound to itself", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f","bound":"$@0"}']])],
    ["bound arguments that are not a list", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", DESCRIPTOR], ["$ACTION_1:1", "null"]])],
  ];
  it.each(refused)("%s is refused", async (_, envelope) => {
    expect(await checked(envelope)).toMatchObject({ status: 400 });
  });
});

describe("what Shortlist's own forms send still passes, and decodes", () => {
  const passing: [string, Envelope][] = [
    ["a form with JavaScript: the previous state and the FormData", fetchForm([...FIELDS, ["0", '[{},"$K1"]']])],
    [
      "a form sent again after an error: values kept, a $ escaped, undefined kept",
      fetchForm([...FIELDS, ["0", JSON.stringify([{ message: "$undefined", fieldErrors: { salaryMin: ["Too low"] }, values: { salaryMin: "$$90,000", company: "Acme" } }, "$K1"])]]),
    ],
    ["a form with a file field", fetchForm([["0", '[{},"$K1"]']], ["_1_cv", ""])],
    ["a form's hidden action fields inside its FormData", fetchForm([["_1_$ACTION_REF_3", ""], ["_1_$ACTION_3:0", DESCRIPTOR], ["0", '[{},"$K1"]']])],
    ["the board's move, as text", text(JSON.stringify([{ applicationId: "a1", status: "applied" }]))],
    ["a date and the special numbers", text('["$D2026-12-07T10:00:00.000Z","$NaN","$Infinity","$-Infinity","$-0"]')],
    ["a form without JavaScript, unbound", plainForm([["$ACTION_ID_7f3a5e73b1829b7635df30c4abe7e95e1cfe069b8b", ""], ["company", "$Q1"]])],
    ["a form without JavaScript, bound to its state", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", DESCRIPTOR], ["$ACTION_1:1", '[{"values":{"a":"$$1"}}]'], ["$ACTION_KEY", "k0"], ["company", "Acme"]])],
    ["a form without JavaScript, bound to nothing", plainForm([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f3a","bound":null}']])],
  ];
  it.each(passing)("%s", async (_, envelope) => {
    expect(await checked(envelope)).toBeNull();
    expect(await decode(envelope)).toEqual({ id: expect.any(Number), ok: true, list: true });
  });
});

describe("random envelopes", () => {
  // Pieces of real and broken envelopes, put together at random.
  const header = fc.constantFrom("", "\nContent-Type: text/plain; charset=utf-16", "\nContent-Type: text/plain; charset=utf-8", "\nContent-Transfer-Encoding: base64", "\nX: y");
  const plainName = fc.oneof(fc.constantFrom("0", "1", "2", "S1", "_1_company", "_2_x", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "$ACTION_KEY", "$ACTION_ID_7f"), fc.string({ maxLength: 6 }));
  const name = fc.tuple(plainName, header).map(([n, h]) => n + h);
  const json = fc.oneof(
    fc.constantFrom('[{},"$K1"]', DESCRIPTOR, '{"id":"7f","bound":null}', "[]", "null", '"x"', "{", "[{}]", ...REFERENCES.map((r) => `[${JSON.stringify(r)}]`)),
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify([v, ...REFERENCES.slice(0, 3)])),
  );
  const envelope = fc.oneof(
    json.map((body) => text(body)),
    fc.tuple(fc.constantFrom<Kind>("fetch", "form"), fc.array(fc.tuple(name, json), { maxLength: 6 })).map(([kind, parts]) => (kind === "fetch" ? fetchForm(parts) : plainForm(parts))),
  );

  it("whatever the check lets through, React decodes to a list", async () => {
    await fc.assert(
      fc.asyncProperty(envelope, async (e) => {
        if ((await checked(e)) !== null) return;
        const decoded = await decode(e);
        expect(decoded, `${e.kind}: ${e.body}`).toMatchObject({ ok: true, list: true });
      }),
      { numRuns: 1000, seed: 23 },
    );
  });
});
