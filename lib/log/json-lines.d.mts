// Types for json-lines.mjs, which stays plain JavaScript so server.mjs can load it without a build.
import type { AsyncLocalStorage } from "node:async_hooks";

export type RequestStore = { id: string; request?: string };
export type Level = "debug" | "info" | "warn" | "error";
export type LineWriter = {
  line(level: Level, message: string, fields?: Record<string, unknown>): void;
  consoleLine(method: string, args: unknown[]): void;
  errorLine(error: unknown, fields?: Record<string, unknown>): void;
};

export const requestContext: AsyncLocalStorage<RequestStore>;
export const REPEAT_WINDOW_MS: number;
export function createLineWriter(options: { write: (text: string) => void; now?: () => number; context?: () => RequestStore | undefined; windowMs?: number }): LineWriter;
export function installJsonLines(): LineWriter;
