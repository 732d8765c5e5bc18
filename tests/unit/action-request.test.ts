import { describe, expect, it } from "vitest";
import { jsonDepth } from "@/lib/http/action-envelope";
import { MAX_ACTION_BODY_BYTES, refuseMalformedAction } from "@/lib/http/action-request";

const URL = "http://127.0.0.1/sign-up";
const ACTION = { "next-action": "60305e73b1829b7635df30c4abe7e95e1cfe069b8b" };

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request(URL, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body sent in chunks, with no Content-Length, as a streaming client sends it. */
function chunked(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

async function multipart(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; type: string }> {
  const response = new Response(form);
  return { body: new Uint8Array(await response.arrayBuffer()), type: response.headers.get("content-type")! };
}

describe("refuseMalformedAction", () => {
  it("lets a well-formed action through: a form's multipart, a fetch action's JSON arguments", async () => {
    const form = new FormData();
    form.set("_1_company", "Acme");
    form.set("0", JSON.stringify([{}, "$K1"]));
    const { body, type } = await multipart(form);
    expect(await refuseMalformedAction(post(body, { ...ACTION, "content-type": type }))).toBeNull();
    // A browser's boundary has capitals, and must survive the check as sent.
    const browser = "----WebKitFormBoundaryCjA1Hryv7G1EPqty";
    const browserBody = [
      `--${browser}`,
      'Content-Disposition: form-data; name="_1_$ACTION_3:0"',
      "",
      '{"id":"6054ca1c","bound":"$@1"}',
      `--${browser}`,
      'Content-Disposition: form-data; name="0"',
      "",
      '[{},"$K1"]',
      `--${browser}--`,
      "",
    ].join("\r\n");
    expect(await refuseMalformedAction(post(browserBody, { ...ACTION, "content-type": `multipart/form-data; boundary=${browser}` }))).toBeNull();
    const deepBound = browserBody.replace('[{},"$K1"]', nested(100));
    expect(await refuseMalformedAction(post(deepBound, { ...ACTION, "content-type": `multipart/form-data; boundary=${browser}` }))).toMatchObject({
      status: 400,
    });
    const move = JSON.stringify([{ applicationId: "a1", status: "applied" }]);
    expect(await refuseMalformedAction(post(move, { ...ACTION, "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
  });

  it("leaves alone what is not Next's to decode: reads, and sign-in's urlencoded post", async () => {
    expect(await refuseMalformedAction(new Request(URL))).toBeNull();
    expect(await refuseMalformedAction(post("email=a&password=b", { "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
  });

  it("refuses a declared length over the limit, and a chunked body once it passes the limit", async () => {
    expect(await refuseMalformedAction(post("x", { ...ACTION, "content-type": "text/plain", "content-length": String(MAX_ACTION_BODY_BYTES + 1) }))).toMatchObject({
      status: 413,
    });
    expect(await refuseMalformedAction(post(chunked(MAX_ACTION_BODY_BYTES + 1), { ...ACTION, "content-type": "text/plain" }))).toMatchObject({ status: 413 });
    // Just under: the count lets it through to the JSON check, which it fails as text.
    expect(await refuseMalformedAction(post(chunked(MAX_ACTION_BODY_BYTES), { ...ACTION, "content-type": "text/plain" }))).toMatchObject({ status: 400 });
  });

  it("refuses multipart without a boundary, and a body that is not the multipart it claims", async () => {
    expect(await refuseMalformedAction(post("hello", { ...ACTION, "content-type": "multipart/form-data" }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/no boundary/),
    });
    expect(await refuseMalformedAction(post("garbage", { ...ACTION, "content-type": "multipart/form-data; boundary=XYZ" }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not the multipart form it claims/),
    });
    // The same without JavaScript: a multipart post with no action header.
    expect(await refuseMalformedAction(post("garbage", { "content-type": "multipart/form-data; boundary=XYZ" }))).toMatchObject({ status: 400 });
  });

  it("refuses JSON arguments that do not parse or are not a list", async () => {
    for (const body of ["{{{", "[", '"just a string"', '{"a":1}']) {
      expect(await refuseMalformedAction(post(body, { ...ACTION, "content-type": "text/plain" })), body).toMatchObject({ status: 400 });
    }
  });

  it("refuses nesting past the limit, in a fetch action's body and in a form's numbered fields", async () => {
    expect(await refuseMalformedAction(post(nested(20_000), { ...ACTION, "content-type": "text/plain" }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/nested too deeply/),
    });
    expect(await refuseMalformedAction(post(nested(32), { ...ACTION, "content-type": "text/plain" }))).toBeNull();
    const form = new FormData();
    form.set("$ACTION_1:1", nested(5_000));
    const { body, type } = await multipart(form);
    expect(await refuseMalformedAction(post(body, { "content-type": type }))).toMatchObject({ status: 400 });
  });

  it("refuses an action in a content type no form sends", async () => {
    expect(await refuseMalformedAction(post("[]", { ...ACTION, "content-type": "application/json" }))).toMatchObject({ status: 415 });
  });
});

describe("jsonDepth", () => {
  it("counts brackets outside strings only", () => {
    expect(jsonDepth('[{"a":"[[[[[["}]')).toBe(2);
    expect(jsonDepth('["\\"[[", []]')).toBe(2);
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth(nested(40))).toBe(Infinity);
  });
});

describe("the Origin of an action", () => {
  const body = JSON.stringify([{}, "x"]);
  const from = (origin: string, extra: Record<string, string> = {}) =>
    refuseMalformedAction(post(body, { ...ACTION, "content-type": "text/plain", host: "127.0.0.1:3000", origin, ...extra }));

  it("is allowed from the same host, or with no Origin at all", async () => {
    expect(await from("http://127.0.0.1:3000")).toBeNull();
    expect(await refuseMalformedAction(post(body, { ...ACTION, "content-type": "text/plain", host: "127.0.0.1:3000" }))).toBeNull();
    expect(await from("https://shortlist.example", { "x-forwarded-host": "shortlist.example" })).toBeNull();
  });

  it("is refused from another site (403) and when it is not a web address (400)", async () => {
    expect(await from("http://evil.example")).toMatchObject({ status: 403 });
    expect(await from("null")).toMatchObject({ status: 403 });
    expect(await from("http://[::bad")).toMatchObject({ status: 400 });
    expect(await from("https://shortlist.example, foo.example.org")).toMatchObject({ status: 400 });
    expect(await from("http://127.0.0.1:3000", { host: "" })).toMatchObject({ status: 400 });
  });
});
