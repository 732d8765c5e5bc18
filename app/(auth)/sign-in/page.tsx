import type { Metadata } from "next";
import Link from "next/link";
import { signUpOpen } from "@/lib/auth/sign-up";
import { smtpConfigured } from "@/lib/reminders/email";
import { SignInForm } from "./sign-in-form";

const NOTICES: Record<string, string> = {
  changed: "Your password was changed. Sign in with the new one.",
  expired: "Your sign-in timed out before the code was entered. Sign in again.",
  deleted: "Your account and everything in it were deleted.",
  reset: "Your password was reset and every session ended. Sign in with the new one.",
};

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "";
  const notice = Object.keys(NOTICES).find((key) => params[key] === "1");
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Welcome back. Pick up where you left off.</p>
      <SignInForm next={next} notice={notice ? NOTICES[notice] : undefined} noticeTone={notice === "expired" ? "error" : "success"} />
      {smtpConfigured() ? (
        <p className="mt-4 text-sm">
          <Link href="/sign-in/forgot" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Forgot password?
          </Link>
        </p>
      ) : null}
      {signUpOpen() ? (
        <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
          New to Shortlist?{" "}
          <Link href="/sign-up" className="font-medium text-brand-700 dark:text-brand-300 underline underline-offset-2">
            Create an account
          </Link>
        </p>
      ) : null}
    </>
  );
}
