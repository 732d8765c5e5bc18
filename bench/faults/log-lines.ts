// What a collector would make of a server's output: every line must be one
// JSON object with time, level, message and requestId (docs/logging.md).
import { readFileSync } from "node:fs";

export function logLines(file: string): { lines: number; notJson: string[] } {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim());
  const notJson = lines.filter((line) => {
    try {
      const parsed = JSON.parse(line) as unknown;
      return !(typeof parsed === "object" && parsed !== null && ["time", "level", "message", "requestId"].every((key) => key in parsed));
    } catch {
      return true;
    }
  });
  return { lines: lines.length, notJson };
}
