// What one import may hold. A long search is a few thousand applications;
// these leave room for that and keep a file small enough to check at once.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * Shortlist's own JSON export carries every round, signal and event, about
 * 2.5 KB an application: 5,000 applications are 13 MB. It may be this large,
 * so a whole account can always move.
 */
export const MAX_EXPORT_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Rows shown in the preview, as they will be saved. */
export const PREVIEW_ROWS = 10;
/** Problems listed one by one; the count covers the rest. */
export const LISTED_PROBLEMS = 200;
/**
 * A ZIP export (Download everything) holds the JSON and the document
 * library's files: room for the JSON and the default 200 MB of files.
 */
export const MAX_ZIP_IMPORT_BYTES = MAX_EXPORT_FILE_BYTES + 200 * 1024 * 1024;
/** Multipart framing around the largest file: boundaries, headers and the options field. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_ZIP_IMPORT_BYTES + 256 * 1024;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const tooLargeMessage = (bytes: number) =>
  `This file is ${formatBytes(bytes)}; Shortlist imports CSV files up to ${formatBytes(MAX_IMPORT_BYTES)} (its own JSON exports up to ${formatBytes(MAX_EXPORT_FILE_BYTES)}). Split it into smaller files.`;
