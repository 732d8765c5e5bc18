import { KeyboardCode, type Announcements, type KeyboardCoordinateGetter, type ScreenReaderInstructions } from "@dnd-kit/core";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import type { BoardCardView as CardView } from "./card-view";
import { DRAG_INSTRUCTIONS } from "./drag-instructions";

const isStatus = (id: unknown): id is ApplicationStatus => APPLICATION_STATUSES.includes(id as ApplicationStatus);
const cardOf = (active: { data: { current?: Record<string, unknown> } } | null) => active?.data.current?.card as CardView | undefined;

/**
 * Left and right arrows jump a picked-up card to the previous or next column
 * (the default getter nudges it 25 px, a dozen presses per column). The
 * column aimed at is remembered here rather than read back from dnd-kit's
 * `over`, which lags while the board scrolls to bring the column into view.
 */
export function columnCoordinates(): { getter: KeyboardCoordinateGetter; reset: (status: ApplicationStatus | null) => void } {
  let aimed: ApplicationStatus | null = null;
  const getter: KeyboardCoordinateGetter = (event, { context }) => {
    const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
    if (step === 0) return undefined;
    event.preventDefault();
    const current = aimed ?? (isStatus(context.over?.id) ? context.over.id : cardOf(context.active)?.status);
    if (!current) return undefined;
    const target = APPLICATION_STATUSES[APPLICATION_STATUSES.indexOf(current) + step];
    const rect = target ? context.droppableRects.get(target) : undefined;
    if (!target || !rect) return undefined;
    aimed = target;
    // Just inside the column's top-left corner, so the column is what the card overlaps most.
    return { x: rect.left + 8, y: rect.top + 48 };
  };
  return { getter, reset: (status) => (aimed = status) };
}

export const screenReaderInstructions: ScreenReaderInstructions = { draggable: DRAG_INSTRUCTIONS };

const nameOf = (card: CardView | undefined) => (card ? `${card.company}, ${card.roleTitle}` : "The card");
const columnName = (id: unknown) => (isStatus(id) ? STATUS_LABELS[id] : null);

/**
 * What a screen reader hears while a card is moved, in plain words. Each
 * column is said once when the card reaches it: the first "over" is the
 * card's own column, and saying it would cut off "Picked up…".
 */
export function boardAnnouncements(): Announcements {
  let lastOver: unknown = null;
  return {
    onDragStart({ active }) {
      const card = cardOf(active);
      lastOver = card?.status ?? null;
      return `Picked up ${nameOf(card)}. In column ${card ? STATUS_LABELS[card.status] : "unknown"}.`;
    },
    onDragOver({ over }) {
      if ((over?.id ?? null) === lastOver) return undefined;
      lastOver = over?.id ?? null;
      const name = columnName(over?.id);
      return name ? `Over column ${name}.` : "Not over a column.";
    },
    onDragEnd({ active, over }) {
      const name = columnName(over?.id);
      const card = cardOf(active);
      if (!name || !card) return `Dropped outside the columns. ${nameOf(card)} stays where it was.`;
      return over?.id === card.status ? `Dropped back in ${name}.` : `Moved to ${name}.`;
    },
    onDragCancel({ active }) {
      const card = cardOf(active);
      return `Move cancelled. ${nameOf(card)} stays in ${card ? STATUS_LABELS[card.status] : "its column"}.`;
    },
  };
}
