// What one import may hold. A long search is a few thousand applications;
// these leave room for that and keep a file small enough to check at once.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Rows shown in the preview, as they will be saved. */
export const PREVIEW_ROWS = 10;
/** Problems listed one by one; the count covers the rest. */
export const LISTED_PROBLEMS = 200;
/** Multipart framing around a file of MAX_IMPORT_BYTES: boundaries, headers and the options field. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 256 * 1024;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
