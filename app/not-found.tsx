import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">We couldn’t find that page</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        It may have been deleted, or the link may be wrong.
      </p>
      <Link href="/applications" className="btn-primary mt-6">
        Go to your applications
      </Link>
    </main>
  );
}
