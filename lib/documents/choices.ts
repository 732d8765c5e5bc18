import type { DocumentKind } from "@/lib/vocabulary";

/** One version offered in a "sent" picker, named as the library shows it. */
export type VersionChoice = { versionId: string; label: string; kind: DocumentKind };

export const versionLabel = (v: { name: string; number: number; fileName: string }) => `${v.name} — v${v.number} (${v.fileName})`;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = { cv: "CV", cover_letter: "Cover letter", portfolio: "Portfolio", other: "Other" };
