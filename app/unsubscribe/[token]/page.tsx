import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Turn off reminder emails", robots: { index: false } };

/**
 * The link at the foot of every reminder email, for whoever reads it, signed
 * in or not. Opening it changes nothing (mail scanners open links): the
 * button does. Mail clients that offer their own unsubscribe button post to
 * /api/unsubscribe/<token> instead, which needs no click (RFC 8058).
 */
export default async function UnsubscribePage({ params }: PageProps<"/unsubscribe/[token]">) {
  const { token } = await params;
  if (!userOfUnsubscribeToken(token)) notFound();
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col justify-center px-4">
      <p className="mb-6 flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">
        <span aria-hidden className="inline-block h-7 w-7 rounded-md bg-brand-600 dark:bg-brand-400" />
        Shortlist
      </p>
      <div className="card p-6">
        <h1 className="text-xl font-semibold tracking-tight">Turn off reminder emails?</h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          You will get no more morning digests or nudges by email. Nothing else about your account changes.
        </p>
        <UnsubscribeForm token={token} />
      </div>
    </main>
  );
}
