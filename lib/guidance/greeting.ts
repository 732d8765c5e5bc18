import type { GuidanceRound } from "./input";

/** At most this many people are named in a greeting; more read as a list, not a hello. */
export const MAX_GREETED = 2;

/** An initial alone ("J", "J.") is no way to greet anyone. */
const INITIAL = /^\p{L}\.?$/u;

/** How a person is greeted: their first name; with only an initial before the surname, the whole name; null with nothing usable. */
function greetedName(name: string): string | null {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  if (!INITIAL.test(parts[0])) return parts[0];
  return parts.length > 1 && !parts.slice(1).every((p) => INITIAL.test(p)) ? parts.join(" ") : null;
}

/** "Hi Priya,", "Hi Priya and Sam,", "Hi all," for more than two, or "Hello," for nobody named. */
export function greeting(people: GuidanceRound["interviewers"]): string {
  const names = [...new Set(people.map((p) => greetedName(p.name)).filter((n): n is string => n !== null))];
  if (names.length === 0 || names.length > MAX_GREETED) return names.length ? "Hi all," : "Hello,";
  return `Hi ${names.join(" and ")},`;
}
