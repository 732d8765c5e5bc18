/** One line of /import/run's response: progress while rows are checked and saved, then the outcome. */
export type RunMessage =
  | { type: "progress"; phase: "checking" | "saving"; done: number; total: number | null }
  | { type: "done"; importId: string | null; added: number; duplicates: number; problems: number; at: string; settingsRestored: boolean; filesRestored?: number; filesLeftOut?: number }
  | { type: "error"; message: string };
