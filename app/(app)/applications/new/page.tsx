import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { versionChoices } from "@/lib/data/document-attachments";
import { localDate } from "@/lib/time/zoned";
import { ApplicationForm } from "../_components/application-form";
import { createApplicationAction } from "../actions";

export const metadata: Metadata = { title: "Add an application" };

export default async function NewApplicationPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Add an application</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Only company and role are required; fill in the rest when you know it.</p>
      {/* Today in the user's zone, as the form's check reads it: UTC's date is tomorrow in New York every evening. */}
      <ApplicationForm
        action={createApplicationAction}
        initial={{ status: "applied", appliedOn: localDate(new Date(), user.timeZone) }}
        submitLabel="Save application"
        cancelHref="/applications"
        documents={await versionChoices(getDb(), { userId: user.id })}
      />
    </div>
  );
}
