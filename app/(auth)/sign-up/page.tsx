import type { Metadata } from "next";
import Link from "next/link";
import { preparePasswordScorer } from "@/lib/auth/password-strength";
import { signUpOpen } from "@/lib/auth/sign-up";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

const signInLink = (
  <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
    Already have an account?{" "}
    <Link href="/sign-in" className="font-medium text-brand-700 dark:text-brand-300 underline underline-offset-2">
      Sign in
    </Link>
  </p>
);

export default function SignUpPage() {
  if (!signUpOpen()) {
    return (
      <>
        <h1 className="text-xl font-semibold">Sign-up is closed</h1>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          This Shortlist server does not take new accounts. If you should have one, ask the person who runs it to make it for you.
        </p>
        {signInLink}
      </>
    );
  }
  // The form's password is scored on the server: have the scorer ready before it is sent.
  preparePasswordScorer();
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Free, private, and yours: nobody else sees your applications.</p>
      <SignUpForm />
      {signInLink}
    </>
  );
}
