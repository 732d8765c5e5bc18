"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

/** The codes as a text file a password manager or a drawer can keep. */
export const recoveryCodesFile = (codes: string[]) =>
  ["Shortlist recovery codes", "Each code signs you in once, in place of an authenticator code.", "", ...codes, ""].join("\n");

/** Shown once, right after they are made: only their hashes are kept. */
export function RecoveryCodes({ codes, intro }: { codes: string[]; intro: string }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h3 ref={heading} tabIndex={-1} className="font-semibold focus:outline-none">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm text-slate-800 dark:text-slate-200">
        {intro} Each code signs you in once if you lose your phone. Save them somewhere safe now, such as a password
        manager: they will not be shown again.
      </p>
      <ol aria-label="Recovery codes" className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(codes.join("\n"));
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy codes"}
        </button>
        <a
          className="btn-secondary"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(recoveryCodesFile(codes))}`}
          download="shortlist-recovery-codes.txt"
        >
          Download as a text file
        </a>
        <button type="button" className="btn-primary" onClick={() => router.refresh()}>
          I have saved my codes
        </button>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Recovery codes copied." : ""}
      </p>
    </div>
  );
}
