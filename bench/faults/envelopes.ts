// The action envelope itself, fuzzed: the shapes React's reply decoder
// choked on (a multipart body with no `0` part, `["$Q1"]`, `[{},"$1"]`,
// `"x"`, `null`), every kind of `$` reference, nested, in JSON and in
// multipart, and random mutations of a real form's multipart bytes (parts
// dropped, doubled, renamed, turned into files, base64, cut, spliced),
// sent to every kind of route and action, signed in or not.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { dice } from "../generate";

type Dice = ReturnType<typeof dice>;
export type Envelope = { kind: string; path: string; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer>; signedIn: boolean };

export const REFERENCES = ["$1", "$0", "$0:0", "$Q1", "$W1", "$i1", "$T", "$@1", "$@0", "$n1", "$n" + "9".repeat(400), "$B1", "$F1", "$h1", "$Z", "$K1", "$R1", "$r1", "$X1", "$x1", "$A1", "$o1", "$U1", "$S1", "$L1", "$G1", "$g1", "$M1", "$V1", "$H", "$u", "$"];
export const ISSUE_SHAPES = ['["$Q1"]', '[{},"$1"]', '"x"', "null"];
const PATHS = ["/", "/sign-in", "/sign-up", "/applications", "/applications/new", "/board", "/settings", "/people", "/analytics", "/import", "/put-aside", "/sign-in/code", "/nowhere"];
const BOUNDARY = "----WebKitFormBoundaryFuzz7MA4YWxkTrZu0gW";

/** Every server action id in the build (the fuzz sends to all of them). */
function allActionIds(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

type RawPart = { name: string; value: string; file?: string; extra?: string };
const encode = (parts: RawPart[], boundary = BOUNDARY) =>
  `${parts
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.file !== undefined ? `; filename="${p.file}"` : ""}\r\n${p.extra ?? ""}${p.file !== undefined ? "Content-Type: application/octet-stream\r\n" : ""}\r\n${p.value}\r\n`)
    .join("")}--${boundary}--\r\n`;

export function envelopeGenerator(random: Dice, baseUrl: string) {
  const { int, pick, chance } = random;
  const ids = allActionIds();
  const nest = (value: string) => {
    for (let i = int(0, 3); i > 0; i--) value = pick([`[${value}]`, `{"k":${value}}`, `[{},{"a":[1,${value}]}]`]);
    return value;
  };
  const ref = () => JSON.stringify(pick(REFERENCES));
  const args = () => pick([...ISSUE_SHAPES, `[${nest(ref())}]`, `[{},${nest(ref())}]`, '[{},"$K1"]', "[]", "[{}]"]);
  const realForm = (): RawPart[] => [
    { name: "_1_company", value: `fuzz-${int(0, 1e9)}` },
    { name: "_1_roleTitle", value: "Fuzzed" },
    { name: "_1_status", value: "applied" },
    { name: "0", value: '[{},"$K1"]' },
  ];
  const base = (multipart: boolean, boundary = BOUNDARY) => ({
    origin: baseUrl,
    "content-type": multipart ? `multipart/form-data; boundary=${boundary}` : "text/plain;charset=UTF-8",
  });
  const action = () => ({ "next-action": pick(ids) });

  /** One random change to a real form's parts. */
  function mutate(parts: RawPart[]): { parts: RawPart[]; note: string } {
    const at = int(0, parts.length - 1);
    const copy = parts.map((p) => ({ ...p }));
    const change = pick(["drop", "double", "rename", "file", "base64", "reference", "swap", "empty-name", "header"]);
    if (change === "drop") copy.splice(at, 1);
    else if (change === "double") copy.splice(at, 0, { ...copy[at] });
    else if (change === "rename") copy[at].name = pick(["1", "2", "S1", "_1_", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_ID_x", "0", "00", "_zz_a", "\u0000", "a".repeat(300)]);
    else if (change === "file") copy[at].file = pick(["", "a.txt", "../../etc/passwd"]);
    else if (change === "base64") Object.assign(copy[at], { file: "a.bin", extra: "Content-Transfer-Encoding: base64\r\n" });
    else if (change === "reference") copy[copy.length - 1].value = args();
    else if (change === "swap") copy.reverse();
    else if (change === "empty-name") copy[at].name = "";
    else copy[at].extra = pick(["Content-Type: text/plain; charset=utf-16\r\n", "X: y\r\n", "Content-Disposition: form-data\r\n", ": \r\n"]);
    return { parts: copy, note: change };
  }

  /** Bytes of an encoded form, cut or spliced at random. */
  function corrupt(text: string): string {
    const at = int(0, text.length - 1);
    return pick([
      () => text.slice(0, at),
      () => text.slice(0, at) + text.slice(at + int(1, 20)),
      () => text.slice(0, at) + pick(["\r\n", "--", `--${BOUNDARY}\r\n`, "\u0000", '"', "\r\n\r\n"]) + text.slice(at),
      () => text.replace(`--${BOUNDARY}--`, ""),
    ])();
  }

  const classes: [string, () => Omit<Envelope, "kind" | "signedIn">][] = [
    ["issue shapes as text", () => ({ path: pick(PATHS), headers: { ...action(), ...base(false) }, body: pick(ISSUE_SHAPES) })],
    ["issue shapes in a multipart 0 part", () => ({ path: pick(PATHS), headers: { ...action(), ...base(true) }, body: encode([...realForm().slice(0, 3), { name: "0", value: pick(ISSUE_SHAPES) }]) })],
    ["a multipart body with no 0 part", () => ({ path: pick(PATHS), headers: { ...action(), ...base(true) }, body: encode(realForm().slice(0, 3)) })],
    ["$ references, nested, as text", () => ({ path: pick(PATHS), headers: { ...action(), ...base(false) }, body: args() })],
    ["$ references, nested, in multipart", () => ({ path: pick(PATHS), headers: { ...action(), ...base(true) }, body: encode([...realForm().slice(0, 3), { name: "0", value: args() }, ...(chance(0.5) ? [{ name: "1", value: args() }] : [])]) })],
    [
      "a no-JS form's $ACTION_ fields, broken",
      () => ({
        path: pick(PATHS),
        headers: base(true),
        body: encode([
          { name: `$ACTION_REF_1`, value: "" },
          { name: "$ACTION_1:0", value: pick([`{"id":"${pick(ids)}","bound":"$@1"}`, `{"id":"${pick(ids)}","bound":${ref()}}`, `{"id":${ref()}}`, "{", "null"]) },
          { name: "$ACTION_1:1", value: args() },
          { name: "$ACTION_KEY", value: "k" },
        ]),
      }),
    ],
    [
      "a real form's envelope, mutated",
      () => {
        const { parts } = mutate(realForm());
        const twice = chance(0.4) ? mutate(parts).parts : parts;
        return { path: pick(PATHS), headers: { ...(chance(0.8) ? action() : {}), ...base(true) }, body: encode(twice) };
      },
    ],
    ["a real form's bytes, cut or spliced", () => ({ path: pick(PATHS), headers: { ...action(), ...base(true) }, body: corrupt(encode(realForm())) })],
    ["a content type in another case", () => ({ path: pick(PATHS), headers: { ...action(), origin: baseUrl, "content-type": pick(["Multipart/Form-Data; boundary=" + BOUNDARY, "TEXT/PLAIN", "text/plain; charset=latin1"]) }, body: encode(realForm()) })],
    ["a byte-order mark before the arguments", () => ({ path: pick(PATHS), headers: { ...action(), ...base(false) }, body: `\uFEFF${pick(['[{"applicationId":"a","status":"applied"}]', "[]"])}` })],
  ];

  return {
    classes: classes.map(([kind]) => kind),
    next(i: number): Envelope {
      const [kind, make] = classes[i % classes.length];
      return { kind, signedIn: chance(0.5), ...make() };
    },
  };
}
