import "server-only";
import { DeliveryError, type Outgoing, type ReminderChannel, type ReminderOutgoing } from "./channel";
import { reminderOrigin } from "./origin";
import { postOrExplain } from "./http-post";
import { privateNetworkAllowed } from "./outbound-address";

// ntfy (ntfy.sh or a server of your own): the account gives its topic URL,
// and an access token when the topic is protected. Published as JSON to the
// server's root, so titles in any language need no header encoding.

/** ntfy's own limit on a message's text. */
const MAX_MESSAGE = 4096;

/** "https://ntfy.sh/my-topic" as the server to post to and the topic; null when it has no topic. */
export function ntfyParts(topicUrl: string): { server: string; topic: string } | null {
  const url = new URL(topicUrl);
  const segments = url.pathname.split("/").filter(Boolean);
  const topic = segments.pop();
  if (!topic) return null;
  return { server: `${url.origin}/${segments.map(encodeURIComponent).join("/")}`, topic: decodeURIComponent(topic) };
}

/** The JSON ntfy takes: the title, the text, and a tap that opens the application. */
export function ntfyBody({ message }: Pick<ReminderOutgoing, "message">, origin: string) {
  const lines = [message.intro, ...message.entries.map((e) => [e.heading, e.when].filter(Boolean).join(": "))];
  const first = message.entries[0];
  return { title: message.subject, message: lines.join("\n").slice(0, MAX_MESSAGE), click: first ? `${origin}${first.path}` : origin, tags: ["calendar"] };
}

export function ntfyChannel(env: NodeJS.ProcessEnv = process.env): ReminderChannel {
  const origin = reminderOrigin(env);
  const posting = { allowPrivateNetwork: privateNetworkAllowed(env) };
  return {
    name: "ntfy",
    async send(outgoing: Outgoing) {
      if (outgoing.kind === "account") throw new DeliveryError("an account email goes by email only", true);
      if (!outgoing.target) throw new DeliveryError("the ntfy topic was removed", true);
      const parts = ntfyParts(outgoing.target.url);
      if (!parts) throw new DeliveryError("the ntfy address names no topic", true);
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (outgoing.target.secret) headers.Authorization = `Bearer ${outgoing.target.secret}`;
      await postOrExplain("the ntfy server", parts.server, { body: JSON.stringify({ topic: parts.topic, ...ntfyBody(outgoing, origin) }), headers }, posting);
    },
  };
}
