import type { ReminderMessage } from "./message";

// A reminder as an email's plain text and HTML. Pure: the message, the
// server's address and the unsubscribe link in, strings out.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Links = { origin: string; unsubscribe: string | null };

export function renderText(message: ReminderMessage, { origin, unsubscribe }: Links): string {
  const blocks = message.entries.map((e) =>
    [e.heading, e.when, ...e.reasons.map((r) => `- ${r}`), e.source, `Open: ${origin}${e.path}`].filter((line): line is string => Boolean(line)).join("\n"),
  );
  const footer = unsubscribe ? `Turn off these emails: ${unsubscribe}` : null;
  return [message.intro, ...blocks, footer].filter(Boolean).join("\n\n") + "\n";
}

export function renderHtml(message: ReminderMessage, { origin, unsubscribe }: Links): string {
  const entries = message.entries
    .map((e) => {
      const reasons = e.reasons.length ? `<ul>${e.reasons.map((r) => `<li>${escape(r)}</li>`).join("")}</ul>` : "";
      return [
        `<h2 style="font-size:16px;margin:20px 0 4px">${escape(e.heading)}</h2>`,
        e.when ? `<p style="margin:0 0 4px">${escape(e.when)}</p>` : "",
        reasons,
        e.source ? `<p style="margin:4px 0;color:#555;font-size:13px">${escape(e.source)}</p>` : "",
        `<p style="margin:4px 0"><a href="${escape(origin + e.path)}">Open the application</a></p>`,
      ].join("");
    })
    .join("");
  const footer = unsubscribe ? `<p style="margin-top:24px;color:#555;font-size:13px"><a href="${escape(unsubscribe)}">Turn off these emails</a></p>` : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.4"><p>${escape(message.intro)}</p>${entries}${footer}</body></html>`;
}
