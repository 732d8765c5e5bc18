import type { ApplicationStatus } from "@/db/schema";
import type { ApplicationInput } from "@/lib/validation/application";

type Sample = ApplicationInput & { archived?: boolean; createdAt: Date; updatedAt: Date };

const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of the UTC day `daysAgo` days before `now`. */
function dateDaysAgo(now: Date, daysAgo: number): string {
  return new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
}

/**
 * A dozen made-up applications spread over the whole pipeline, dated
 * relative to `now` so the sample always looks current.
 */
export function sampleApplications(now: Date): Sample[] {
  const row = (
    company: string,
    roleTitle: string,
    status: ApplicationStatus,
    appliedDaysAgo: number | null,
    updatedDaysAgo: number,
    extra: Partial<ApplicationInput> & { archived?: boolean } = {},
  ): Sample => ({
    company,
    roleTitle,
    status,
    appliedOn: appliedDaysAgo === null ? undefined : dateDaysAgo(now, appliedDaysAgo),
    // Added when applied (or a few days before the last update, if not yet).
    createdAt: new Date(now.getTime() - Math.max(appliedDaysAgo ?? 0, updatedDaysAgo + 3) * DAY),
    updatedAt: new Date(now.getTime() - updatedDaysAgo * DAY),
    ...extra,
  });

  return [
    row("Northwind Analytics", "Senior Frontend Engineer", "interviewing", 21, 1, {
      location: "Berlin", workMode: "hybrid", source: "Referral", excitement: 5,
      salaryMin: 85000, salaryMax: 100000, salaryCurrency: "EUR", salaryPeriod: "year",
      postingUrl: "https://example.com/jobs/northwind-frontend",
      notes: "Second round with the design systems team next week. Referred by Priya.",
    }),
    row("Lumen Health", "Product Engineer", "interviewing", 17, 2, {
      location: "Remote (EU)", workMode: "remote", source: "LinkedIn", excitement: 4,
      salaryMin: 75000, salaryMax: 90000, salaryCurrency: "EUR", salaryPeriod: "year",
      notes: "First round went well; they talked about the patient-app roadmap.",
    }),
    row("Harbor & Finch", "Full-stack Developer", "screening", 9, 3, {
      location: "Amsterdam", workMode: "onsite", source: "Company site", excitement: 3,
    }),
    row("Quillstack", "Staff Engineer, Platform", "offer", 35, 1, {
      location: "London", workMode: "hybrid", source: "Recruiter", excitement: 4,
      salaryMin: 110000, salaryMax: 125000, salaryCurrency: "GBP", salaryPeriod: "year",
      notes: "Offer received; answer due Friday. Compare benefits before negotiating.",
    }),
    row("Brightline Logistics", "Backend Engineer (Go)", "applied", 6, 6, {
      location: "Remote", workMode: "remote", source: "Job board", excitement: 3,
    }),
    row("Okapi Studio", "Frontend Developer", "applied", 4, 4, {
      location: "Lisbon", workMode: "hybrid", source: "LinkedIn", excitement: 2,
      salaryMin: 45000, salaryMax: 55000, salaryCurrency: "EUR", salaryPeriod: "year",
    }),
    row("Cedar Robotics", "Software Engineer, Tools", "saved", null, 2, {
      location: "Munich", workMode: "onsite", source: "Meetup or event", excitement: 4,
      postingUrl: "https://example.com/jobs/cedar-tools",
      notes: "Met their tools lead at a meetup; apply after updating the portfolio.",
    }),
    row("Pinecrest Bank", "React Engineer", "saved", null, 5, { location: "Zurich", workMode: "hybrid", excitement: 2 }),
    row("Tidewater Games", "UI Engineer", "rejected", 40, 12, {
      location: "Remote", workMode: "remote", source: "Company site", excitement: 4,
      notes: "Rejected after the final round; asked for feedback.",
    }),
    row("Meridian Maps", "Senior Software Engineer", "ghosted", 55, 30, {
      location: "Copenhagen", workMode: "hybrid", source: "Recruiter", excitement: 3,
      notes: "Two follow-ups after the second round, no reply.",
    }),
    row("Atlas Cloudworks", "Developer Advocate", "withdrawn", 28, 14, {
      location: "Remote", workMode: "remote", source: "Referral", excitement: 2,
      notes: "Withdrew: role turned out to be mostly travel.",
    }),
    row("Fernhill Media", "Web Developer", "rejected", 90, 70, {
      location: "Dublin", workMode: "onsite", source: "Job board", excitement: 1, archived: true,
    }),
  ];
}
