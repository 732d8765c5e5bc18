"use client";

import { MAX_EXPORT_FILE_BYTES, MAX_IMPORT_BYTES, formatBytes } from "@/lib/import/limits";

/** The file input, with its hint and its error tied to it for screen readers. */
export function FileField({ error, busy, onFile }: { error: string | null; busy: boolean; onFile: (file: File) => void }) {
  const describedBy = ["import-file-hint", error ? "import-file-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Your export file
      </label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept=".csv,.tsv,.txt,.json,.zip,text/csv,application/json,application/zip"
        disabled={busy}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
        }}
        className="block w-full max-w-md text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100 dark:text-slate-200 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
      />
      <p id="import-file-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        A CSV file up to {formatBytes(MAX_IMPORT_BYTES)} and 20,000 rows, or a Shortlist export: JSON (up to {formatBytes(MAX_EXPORT_FILE_BYTES)}) or the ZIP with your documents.
      </p>
      {error ? (
        <p id="import-file-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
