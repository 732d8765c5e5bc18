import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { resetTokenHash } from "@/lib/auth/password-reset";
import { resetLinkOwner } from "@/lib/data/password-resets";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

/** The emailed link: one use, 30 minutes. Setting the password ends every session. */
export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const live = await resetLinkOwner(getDb(), { tokenHash: resetTokenHash(token), now: new Date() });
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {live ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">This signs you out everywhere; then sign in with the new password.</p>
          <ResetForm token={token} />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          This link has expired or has been used.{" "}
          <Link href="/sign-in/forgot" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </>
  );
}
