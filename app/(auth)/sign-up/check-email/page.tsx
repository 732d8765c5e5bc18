import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

const link = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300";

/** Where every sign-up lands when the server sends email: the same page whether or not the address has an account. */
export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Check your email</h1>
      <div className="mt-2 space-y-3 text-sm text-slate-700 dark:text-slate-300">
        <p>We have sent a message to the address you gave.</p>
        <p>
          If it is new to Shortlist, the link in it finishes creating your account: open it within 30 minutes and enter the password you chose. If
          the address already has an account, the message says how to sign in instead.
        </p>
        <p>Nothing there after a few minutes? Look in your spam folder, or sign up again.</p>
      </div>
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        Already have an account?{" "}
        <Link href="/sign-in" className={link}>
          Sign in
        </Link>
      </p>
    </>
  );
}
