import type { ApplicationStatus } from "@/lib/vocabulary";
import type { BoardCardView as CardView, BoardColumnView as ColumnView } from "./card-view";

export type CardMove = { id: string; status: ApplicationStatus };

/** The board as it will be once the move is saved: the card on top of its new column, both totals adjusted. */
export function moveCard(columns: ColumnView[], { id, status }: CardMove): ColumnView[] {
  const card = findCard(columns, id);
  if (!card || card.status === status) return columns;
  return columns.map((column) => {
    if (column.status === card.status) {
      return { ...column, total: column.total - 1, cards: column.cards.filter((c) => c.id !== id) };
    }
    if (column.status === status) {
      return { ...column, total: column.total + 1, cards: [{ ...card, status }, ...column.cards] };
    }
    return column;
  });
}

export function findCard(columns: ColumnView[], id: string): CardView | undefined {
  for (const column of columns) {
    const card = column.cards.find((c) => c.id === id);
    if (card) return card;
  }
  return undefined;
}
