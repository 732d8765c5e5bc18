import { KeyboardCode, type Announcements, type KeyboardCoordinateGetter, type ScreenReaderInstructions } from "@dnd-kit/core";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import type { CardView } from "./card-view";

const isStatus = (id: unknown): id is ApplicationStatus => APPLICATION_STATUSES.includes(id as ApplicationStatus);

/**
 * Left and right arrows jump a picked-up card to the previous or next column
 * (the default getter nudges it 25 px, which takes a dozen presses to cross
 * one column). The card is placed just inside the column's top-left corner
 * so that the column is what it overlaps most.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const overId = context.over?.id;
  const from = context.active?.data.current?.card as CardView | undefined;
  const current = isStatus(overId) ? overId : from?.status;
  if (!current) return undefined;
  const target = APPLICATION_STATUSES[APPLICATION_STATUSES.indexOf(current) + step];
  const rect = target ? context.droppableRects.get(target) : undefined;
  if (!rect) return undefined;
  return { x: rect.left + 8, y: rect.top + 48 };
};

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "To move this application to another column, press Space or Enter to pick it up, the left and right arrow keys to choose a column, and Space or Enter to drop it there. Escape puts it back. The card's Move to menu does the same.",
};

const nameOf = (card: CardView | undefined) => (card ? `${card.company}, ${card.roleTitle}` : "The card");
const cardOf = (active: { data: { current?: Record<string, unknown> } }) => active.data.current?.card as CardView | undefined;
const columnName = (id: unknown) => (isStatus(id) ? STATUS_LABELS[id] : null);

/** What a screen reader hears while a card is moved, in plain words. */
export const announcements: Announcements = {
  onDragStart({ active }) {
    const card = cardOf(active);
    return `Picked up ${nameOf(card)}. In column ${card ? STATUS_LABELS[card.status] : "unknown"}.`;
  },
  onDragOver({ over }) {
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
