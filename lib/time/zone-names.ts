// Node's ICU still names some zones by the spellings IANA has retired
// (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv): people look
// for the current names, so those are the ones offered, stored and shown.
// Old spellings saved earlier stay valid: every runtime still reads them.
const RETIRED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

const FORMER = new Map<string, string[]>();
for (const [old, current] of Object.entries(RETIRED)) FORMER.set(current, [...(FORMER.get(current) ?? []), old]);

/** IANA's current name for a zone the runtime spells the old way ("Asia/Calcutta" -> "Asia/Kolkata"); others as given. */
export const currentZoneName = (zone: string): string => RETIRED[zone] ?? zone;

/** The retired spellings of a zone, so a search for "Calcutta" still finds Asia/Kolkata. */
export const formerZoneNames = (zone: string): readonly string[] => FORMER.get(zone) ?? [];

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at `at` in minutes east of UTC (Asia/Kolkata is 330). */
export function offsetMinutes(zone: string, at: Date): number {
  let f = offsetFormatters.get(zone);
  if (!f) offsetFormatters.set(zone, (f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })));
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(f.format(at));
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** "UTC+05:30", "UTC−05:00", "UTC+00:00". */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${minutes < 0 ? "−" : "+"}${hh}:${mm}`;
}

export type ZoneChoice = {
  /** The name stored and sent: "Asia/Kolkata". */
  zone: string;
  /** "Asia/Kolkata — UTC+05:30", as the picker lists it. */
  label: string;
  offset: number;
  /** Lower-case words a search matches: the name with spaces for "/" and "_", and any former names. */
  search: string;
};

const searchText = (name: string) => name.toLowerCase().replace(/[/_]/g, " ");

/** One zone as the picker offers it, with its offset now. */
export function zoneChoice(zone: string, now: Date): ZoneChoice {
  const offset = offsetMinutes(zone, now);
  return {
    zone,
    label: `${zone.replaceAll("_", " ")} — ${offsetLabel(offset)}`,
    offset,
    search: [zone, ...formerZoneNames(zone)].map(searchText).join(" "),
  };
}

const OFFSET_QUERY = /^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/;

/**
 * The choices a typed query matches: every word of it inside a zone's name
 * ("new york", "kyiv", "calcutta"), or an offset ("GMT+5:30", "UTC-5",
 * "+0530"). A blank query matches everything.
 */
export function matchZones(choices: readonly ZoneChoice[], query: string): ZoneChoice[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...choices];
  const offset = OFFSET_QUERY.exec(q.replace(/\s+/g, ""));
  if (offset) {
    const minutes = (offset[1] === "+" ? 1 : -1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0));
    return choices.filter((c) => c.offset === minutes);
  }
  if (q === "utc" || q === "gmt") return choices.filter((c) => c.offset === 0);
  const words = searchText(q).split(/\s+/).filter(Boolean);
  return choices.filter((c) => words.every((w) => c.search.includes(w)));
}
