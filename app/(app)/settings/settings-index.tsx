/** Each Settings section's heading, in page order: the index links to them. */
export const SETTINGS_SECTIONS = [
  { id: "account-heading", label: "Account" },
  { id: "time-zone-heading", label: "Time zone" },
  { id: "dates-heading", label: "Dates and times" },
  { id: "guidance-heading", label: "Next-step timings" },
  { id: "reminders-heading", label: "Reminders" },
  { id: "calendar-heading", label: "Calendar feed" },
  { id: "password-heading", label: "Password" },
  { id: "two-factor-heading", label: "Two-factor sign-in" },
  { id: "sessions-heading", label: "Sessions" },
  { id: "tokens-heading", label: "Access tokens" },
  { id: "your-data-heading", label: "Your data" },
  { id: "delete-heading", label: "Delete account" },
] as const;

/** A long page's table of contents: one link per section, so no one scrolls 4,000 px to find the password. */
export function SettingsIndex() {
  return (
    <nav aria-label="Settings sections" className="card p-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
