import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { smtpConfigured } from "@/lib/reminders/email";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Only where the server can send email; otherwise the operator resets passwords (npm run user:reset-password). */
export default function ForgotPasswordPage() {
  if (!smtpConfigured()) notFound();
  return (
    <>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">Enter your account’s email and we’ll send a link to choose a new one.</p>
      <ForgotForm />
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        <Link href="/sign-in" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
