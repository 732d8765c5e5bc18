import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { readChallengeCookie } from "@/lib/auth/challenge-cookie";
import { openChallenge } from "@/lib/auth/sign-in";
import { SignInCodeForm } from "./sign-in-code-form";

export const metadata: Metadata = { title: "Enter your code" };

export default async function SignInCodePage({ searchParams }: PageProps<"/sign-in/code">) {
  const params = await searchParams;
  const next = typeof params.next === "string" ? params.next : "";
  const challenge = await readChallengeCookie();
  if (!challenge || !(await openChallenge(getDb(), challenge, new Date()))) {
    redirect(next ? `/sign-in?expired=1&next=${encodeURIComponent(next)}` : "/sign-in?expired=1");
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Two-factor sign-in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Your password was right. Now enter the 6-digit code your authenticator app shows for Shortlist.
      </p>
      <SignInCodeForm next={next} />
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        Not you, or stuck?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Start again
        </Link>
      </p>
    </>
  );
}
