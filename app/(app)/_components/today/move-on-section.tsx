import type { QueueItem } from "@/lib/dashboard/overview";
import type { LastContact } from "@/lib/data/last-contact";
import { silentHeadline, silentSignature } from "@/lib/dashboard/silent";
import { MoveOnItem } from "./move-on-item";

type Props = { steps: readonly QueueItem[]; contacts: ReadonlyMap<string, LastContact>; now: Date };

/**
 * Today's one item for every application whose move-on step fired: the
 * heading (how many, and how long the least silent has waited) is drawn
 * here; the rows are fetched when the list is opened (silentRowsAction), so
 * a big account's page does not carry hundreds of rows nobody opened.
 */
export function MoveOnSection({ steps, contacts, now }: Props) {
  if (steps.length === 0) return null;
  return <MoveOnItem headline={silentHeadline(steps, contacts, now)} signature={silentSignature(steps, contacts)} />;
}
