import { hasControlCharacter } from "@/lib/validation/fields";

export const MAX_NAME_CHARS = 120;
export const MAX_FILE_NAME_CHARS = 200;

/**
 * Why a document's name or a file's name is refused, or null. A name is
 * shown and becomes the download's file name: it may not hold a path
 * (slashes, "..") or invisible control characters.
 */
export function nameProblem(name: string, label: string, max: number): string | null {
  if (!name.trim()) return `${label} is required.`;
  if (name.length > max) return `${label} is too long: keep it under ${max} characters.`;
  if (hasControlCharacter(name)) return `${label} contains an invisible control character: delete it and type that part again.`;
  if (/[/\\]/.test(name) || name.trim().startsWith(".")) {
    return `${label} may not contain slashes or start with a dot: give it a plain name such as "CV 2026".`;
  }
  return null;
}

/** The name a download is saved under: the stored file name, with quotes and anything outside printable ASCII left for the UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
