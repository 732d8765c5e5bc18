"use client";

// Unexpected failures land here; the user sees a plain message, never a stack.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Nothing you saved earlier is lost. Try again in a moment.</p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        Try again
      </button>
    </main>
  );
}
