import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { signUpTokenHash } from "@/lib/auth/sign-up-link";
import { signUpRequestOf } from "@/lib/data/sign-up-requests";
import { FinishSignUpForm } from "./finish-form";

export const metadata: Metadata = { title: "Finish creating your account", robots: { index: false } };

/** The emailed sign-up link: one use, 30 minutes. Opening it changes nothing (mail scanners open links); the form does. */
export default async function FinishSignUpPage({ params }: PageProps<"/sign-up/finish/[token]">) {
  const { token } = await params;
  const request = await signUpRequestOf(getDb(), { tokenHash: signUpTokenHash(token), now: new Date() });
  return (
    <>
      <h1 className="text-xl font-semibold">Finish creating your account</h1>
      {request ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
            For <span className="font-medium">{request.email}</span>. Enter the password you chose when you signed up.
          </p>
          <FinishSignUpForm token={token} />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          This link has expired or has been used.{" "}
          <Link href="/sign-up" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Sign up again
          </Link>{" "}
          or{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            sign in
          </Link>
          .
        </p>
      )}
    </>
  );
}
