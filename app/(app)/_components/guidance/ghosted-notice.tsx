"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * Said after "Mark as ghosted", on the page where it was pressed. The button
 * left with its step, so focus moves here: without that it would fall to the
 * top of the page, and a status that arrives already filled in is often not
 * read out.
 */
export function GhostedNotice({ application, linkToIt }: { application: { id: string; company: string; roleTitle: string }; linkToIt: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
      data-testid="ghosted-notice"
    >
      Marked {application.roleTitle} at {application.company} as ghosted. It stays in your applications and search; to undo,{" "}
      <Link href={`/applications/${application.id}/edit`} className="underline underline-offset-2">
        edit its status
      </Link>
      {linkToIt ? (
        <>
          {" "}or{" "}
          <Link href={`/applications/${application.id}`} className="underline underline-offset-2">
            open it
          </Link>
        </>
      ) : null}
      .
    </p>
  );
}
