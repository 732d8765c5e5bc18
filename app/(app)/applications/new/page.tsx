import type { Metadata } from "next";
import { ApplicationForm } from "../_components/application-form";
import { createApplicationAction } from "../actions";

export const metadata: Metadata = { title: "Add an application" };

export default function NewApplicationPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Add an application</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Only company and role are required; fill in the rest when you know it.</p>
      <ApplicationForm
        action={createApplicationAction}
        initial={{ status: "applied", appliedOn: new Date().toISOString().slice(0, 10) }}
        submitLabel="Save application"
        cancelHref="/applications"
      />
    </div>
  );
}
