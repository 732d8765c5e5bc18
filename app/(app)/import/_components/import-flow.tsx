"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ImportOptions } from "@/lib/import/analyse";
import type { ColumnTarget } from "@/lib/import/fields";
import { MAX_EXPORT_FILE_BYTES, MAX_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/limits";
import { plural } from "@/lib/text/plural";
import type { ApplicationStatus } from "@/lib/vocabulary";
import type { RunMessage } from "../run-message";
import { ColumnMapping } from "./column-mapping";
import { FileField } from "./file-field";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { ImportOutcome } from "./import-outcome";
import { ImportCounts, ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { previewFile, runImport, type Preview } from "./post-file";
import { StatusMapping } from "./status-mapping";

type Progress = Extract<RunMessage, { type: "progress" }>;
type Done = Extract<RunMessage, { type: "done" }>;


/**
 * Choose a file → check how it is read (columns, stages) and what it will
 * add → import with progress → what was saved. Each change of a column or
 * stage asks the server again, so the preview always shows exactly what the
 * import will do; nothing is written before "Import".
 */
/** `dates`: how the user reads dates, decided on the server from their choice or browser. */
export function ImportFlow({ dates }: { dates: DateStyle }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnTarget[] | undefined>();
  const [statuses, setStatuses] = useState<Record<string, ApplicationStatus>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Done | null>(null);
  const [fieldKey, setFieldKey] = useState(0);
  const pending = useRef<AbortController | null>(null);
  const router = useRouter();

  async function check(next: File, options: ImportOptions) {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setChecking(true);
    setRunError(null);
    try {
      const result = await previewFile(next, options, controller.signal);
      if (controller.signal.aborted) return;
      if (result.ok) {
        setPreview(result);
        setFileError(null);
      } else if (result.field === "options") setRunError(result.message);
      else {
        setPreview(null);
        setFileError(result.message);
      }
    } catch {
      // A newer check replaced this one.
    } finally {
      if (pending.current === controller) setChecking(false);
    }
  }

  function choose(next: File) {
    setFile(next);
    setMapping(undefined);
    setStatuses({});
    setOutcome(null);
    setPreview(null);
    // The server decides for a large .json file (only a Shortlist export may be larger than a CSV); anything else is refused here at once.
    if (next.size > MAX_EXPORT_FILE_BYTES || (next.size > MAX_IMPORT_BYTES && !next.name.toLowerCase().endsWith(".json"))) {
      setFileError(tooLargeMessage(next.size));
      return;
    }
    if (next.size === 0) {
      setFileError("This file is empty. Export your applications again and choose the new file.");
      return;
    }
    void check(next, {});
  }

  const options = (): ImportOptions => ({ ...(mapping ? { mapping } : {}), statuses });

  function changeMapping(next: ColumnTarget[]) {
    setMapping(next);
    if (file) void check(file, { mapping: next, statuses });
  }

  function changeStatus(key: string, status: ApplicationStatus) {
    const next = { ...statuses, [key]: status };
    setStatuses(next);
    if (file) void check(file, { ...(mapping ? { mapping } : {}), statuses: next });
  }

  async function start() {
    if (!file) return;
    setRunError(null);
    setProgress({ type: "progress", phase: "checking", done: 0, total: preview?.summary.counts.rows ?? null });
    const result = await runImport(file, options(), (message) => {
      if (message.type === "progress") setProgress(message);
    });
    setProgress(null);
    if ("ok" in result) setRunError(result.message);
    else if (result.type === "error") setRunError(result.message);
    else if (result.type === "done") {
      setOutcome(result);
      // The earlier-imports list below is rendered on the server.
      router.refresh();
    }
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setOutcome(null);
    setMapping(undefined);
    setStatuses({});
    setFileError(null);
    setFieldKey((k) => k + 1);
  }

  if (outcome && file) return <ImportOutcome outcome={outcome} fileName={file.name} onAnother={reset} dates={dates} />;

  const summary = preview?.summary;
  const needsMapping = Boolean(summary && summary.kind === "csv" && (!summary.format || summary.mappingProblems.length));
  const importing = progress !== null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="file-heading" className="card space-y-3 p-4 sm:p-6">
        <h2 id="file-heading" className="text-lg font-semibold">
          1. Choose the file
        </h2>
        <FileField key={fieldKey} error={fileError} busy={importing} onFile={choose} />
        {checking ? (
          <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
            Reading the file…
          </p>
        ) : null}
      </section>

      {summary && file ? (
        <>
          <section aria-labelledby="reading-heading" className="card space-y-4 p-4 sm:p-6">
            <h2 id="reading-heading" className="text-lg font-semibold">
              2. Check how it is read
            </h2>
            <p className="text-sm" data-testid="import-format">
              {summary.format ? (
                <>
                  Recognised as a <span className="font-medium">{summary.format.label}</span>.
                </>
              ) : (
                "Shortlist doesn't know this file's layout. Say what each column holds: the choices below are guesses from the column names."
              )}
            </p>
            {preview?.earlier ? (
              <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                You imported this same file on {formatsFor(dates).mediumDate(new Date(preview.earlier.at))}. Importing it again adds only what isn’t in Shortlist yet.
              </p>
            ) : null}
            {summary.kind === "csv" ? (
              needsMapping ? (
                <ColumnMapping summary={summary} mapping={mapping ?? summary.mapping} onChange={changeMapping} />
              ) : (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Change how the columns are read</summary>
                  <div className="mt-3">
                    <ColumnMapping summary={summary} mapping={mapping ?? summary.mapping} onChange={changeMapping} />
                  </div>
                </details>
              )
            ) : null}
            {summary.stages.length ? (
              <div className="space-y-2">
                <h3 className="text-base font-semibold">Stages and statuses</h3>
                <p className="text-sm text-slate-700 dark:text-slate-300">Each stage name in your file becomes a Shortlist status. Change any that don’t fit.</p>
                <StatusMapping stages={summary.stages} onChange={changeStatus} />
              </div>
            ) : null}
          </section>

          <section aria-labelledby="preview-heading" className="card space-y-4 p-4 sm:p-6">
            <h2 id="preview-heading" className="text-lg font-semibold">
              3. Preview and import
            </h2>
            <div aria-live="polite">
              <ImportCounts summary={summary} />
            </div>
            {summary.preview.length ? <ImportPreview summary={summary} dates={dates} /> : null}
            {importing ? <ImportProgress phase={progress.phase} done={progress.done} total={progress.total} /> : null}
            {runError ? (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
                {runError}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" className="btn-primary" onClick={start} disabled={importing || checking || summary.counts.fresh === 0 || summary.mappingProblems.length > 0}>
                {importing ? "Importing…" : summary.counts.fresh ? `Import ${plural(summary.counts.fresh, "application")}` : "Nothing new to import"}
              </button>
              <p className="text-sm text-slate-700 dark:text-slate-300">All or nothing: if anything fails, nothing from the file is saved.</p>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
