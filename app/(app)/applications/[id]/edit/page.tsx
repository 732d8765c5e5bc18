import type { Metadata } from "next";
import { toFormValues } from "@/lib/applications/form-values";
import { loadOwnedApplication } from "@/app/(app)/applications/[id]/load-owned-application";
import { ApplicationForm } from "../../_components/application-form";
import { updateApplicationAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/applications/[id]/edit">): Promise<Metadata> {
  const a = await loadOwnedApplication((await params).id);
  return { title: `Edit ${a.company}` };
}

export default async function EditApplicationPage({ params }: PageProps<"/applications/[id]/edit">) {
  const application = await loadOwnedApplication((await params).id);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">
        Edit {application.roleTitle} at {application.company}
      </h1>
      <ApplicationForm
        action={updateApplicationAction}
        initial={toFormValues(application)}
        id={application.id}
        submitLabel="Save changes"
        cancelHref={`/applications/${application.id}`}
      />
    </div>
  );
}
