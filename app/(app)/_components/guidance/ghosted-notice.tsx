import Link from "next/link";

/** Said after "Mark as ghosted", on the page where it was pressed. */
export function GhostedNotice({ application, linkToIt }: { application: { id: string; company: string; roleTitle: string }; linkToIt: boolean }) {
  return (
    <p
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
