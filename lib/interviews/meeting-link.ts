// A round's location may be a room, a meeting link, or words around one
// ("Zoom: https://..."). Only http(s) becomes a link: a `javascript:` or
// `data:` address typed into the box must never be clickable.

export type LinkedText = { before: string; href: string; text: string; after: string };

// Punctuation that closes a sentence around a link rather than belonging to it.
const TRAILING = /[).,;:!?'"\]]+$/;

/** The first http(s) address in `text`, split out with the words around it; null when there is none. */
export function meetingLink(text: string | null | undefined): LinkedText | null {
  if (!text) return null;
  const match = /\bhttps?:\/\/[^\s<>]+/i.exec(text);
  if (!match) return null;
  const raw = match[0].replace(TRAILING, "");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return {
    before: text.slice(0, match.index),
    href: url.href,
    text: raw,
    after: text.slice(match.index + raw.length),
  };
}
