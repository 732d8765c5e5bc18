import type { DestinationStream } from "pino";
import { redirectLog } from "@/lib/security-log";

export type LogLine = Record<string, unknown> & { event?: string; log?: string };

/** Everything the app logs while a test runs, raw and parsed; call restore() after. */
export function captureLog() {
  const raw: string[] = [];
  const destination: DestinationStream = { write: (chunk: string) => void raw.push(chunk) };
  const restore = redirectLog(destination);
  const lines = (): LogLine[] => raw.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as LogLine);
  return {
    raw,
    lines,
    security: () => lines().filter((line) => line.log === "security"),
    events: () => lines().filter((line) => line.log === "security").map((line) => line.event),
    restore,
  };
}
