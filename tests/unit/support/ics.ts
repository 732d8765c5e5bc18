/**
 * The VEVENTs of an iCalendar text as property maps, with folded lines
 * joined back (RFC 5545 3.1) and parameters dropped from the names. Values
 * stay escaped, so tests see exactly what a calendar app would read.
 */
export function parseEvents(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon).split(";")[0]] = line.slice(colon + 1);
    }
  }
  return events;
}
