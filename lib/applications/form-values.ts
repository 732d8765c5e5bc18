import type { ApplicationView } from "@/lib/data/applications";
import type { ApplicationField } from "@/lib/validation/application";

/** A saved application as the strings its edit form starts from. */
export function toFormValues(a: ApplicationView): Partial<Record<ApplicationField, string>> {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    company: a.company,
    roleTitle: a.roleTitle,
    location: text(a.location),
    workMode: text(a.workMode),
    postingUrl: text(a.postingUrl),
    source: text(a.source),
    salaryMin: text(a.salaryMin),
    salaryMax: text(a.salaryMax),
    salaryCurrency: text(a.salaryCurrency),
    salaryPeriod: text(a.salaryPeriod),
    status: a.status,
    appliedOn: text(a.appliedOn),
    excitement: text(a.excitement),
    notes: text(a.notes),
  };
}
