/** What a step's buttons say while their action runs, and what it answered. */
export function ActionFeedback({ pending, message }: { pending: boolean; message?: string }) {
  return (
    <>
      {pending ? <span className="text-sm text-slate-600 dark:text-slate-400">Saving…</span> : null}
      {message ? (
        <p role="status" className="basis-full text-sm text-slate-800 dark:text-slate-200">
          {message}
        </p>
      ) : null}
    </>
  );
}
