import { compile } from "html-to-text";

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(amp|lt|gt|nbsp|#\d+);/i;

/**
 * A job description exported as HTML (Huntr's htmlDescription), as plain
 * text for the notes: paragraphs and list items on their own lines, links
 * as their text, images and scripts dropped. Text that has no markup is
 * returned as it is.
 */
export function htmlToPlainText(value: string): string {
  if (!LOOKS_LIKE_HTML.test(value)) return value.trim();
  convert ??= compile({
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  });
  return convert(value).replace(/\n{3,}/g, "\n\n").trim();
}

// Compiled once: building the converter from its options costs more than using it, 20,000 times over.
let convert: ((html: string) => string) | undefined;
