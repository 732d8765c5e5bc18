import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "";
  const notice =
    params.changed === "1"
      ? "Your password was changed. Sign in with the new one."
      : params.deleted === "1"
        ? "Your account and everything in it were deleted."
        : undefined;
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Welcome back. Pick up where you left off.</p>
      <SignInForm next={next} notice={notice} />
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        New to Shortlist?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 dark:text-brand-300 underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </>
  );
}
