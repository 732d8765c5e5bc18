// React's own reply decoder, the one Next's action handler runs, in a worker
// started with the react-server condition (which React requires). A test
// posts it a body; it answers whether the decoder took it, and whether the
// arguments came out as a list, which is what Next spreads into the action.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parentPort } from "node:worker_threads";
import busboy from "next/dist/compiled/busboy/index.js";
import react from "next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js";

const options = () => ({ temporaryReferences: react.createTemporaryReferenceSet() });

async function decode({ kind, body, contentType }) {
  if (kind === "text") return react.decodeReply(Buffer.from(body).toString("utf-8"), {}, options());
  if (kind === "fetch") {
    const parser = busboy({ defParamCharset: "utf8", headers: { "content-type": contentType }, limits: { fieldSize: 1024 * 1024 } });
    const [, args] = await Promise.all([pipeline(Readable.from([Buffer.from(body)]), parser), react.decodeReplyFromBusboy(parser, {}, options())]);
    return args;
  }
  // A form posted without JavaScript: the bound arguments as decodeFormState reads them (it loads no module).
  const form = await new Request("http://n/", { method: "POST", headers: { "content-type": contentType }, body }).formData();
  form.set("$ACTION_KEY", "k");
  const state = await react.decodeFormState("result", form, {});
  return state === null ? [] : state;
}

parentPort.on("message", async (message) => {
  try {
    const value = await decode(message);
    parentPort.postMessage({ id: message.id, ok: true, list: Array.isArray(value) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: String(error && error.message) });
  }
});
