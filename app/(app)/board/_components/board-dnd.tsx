"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
} from "@dnd-kit/core";
import { useEffect, useLayoutEffect, useState, type RefObject } from "react";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import type { BoardCardView, BoardColumnView } from "./card-view";
import { boardAnnouncements, columnCoordinates, screenReaderInstructions } from "./keyboard-columns";
import { findCard } from "./move-card";
import type { DragRegistry } from "./drag-registry";

// The pointer decides while there is one. The keyboard sensor has none: it
// puts the card's top-left corner just inside the column aimed at (see
// keyboard-columns.ts), so the column holding that corner wins. Overlap alone
// would pick the wide neighbour of a narrow, folded column.
const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length > 0) return hits;
  const { left, top } = args.collisionRect;
  const holder = args.droppableContainers.find((container) => {
    const rect = args.droppableRects.get(container.id);
    return rect && left >= rect.left && left < rect.right && top >= rect.top && top < rect.bottom;
  });
  return holder ? [{ id: holder.id, data: { droppableContainer: holder, value: 1 } }] : rectIntersection(args);
};

const isStatus = (id: unknown): id is ApplicationStatus => APPLICATION_STATUSES.includes(id as ApplicationStatus);

export type BoardDndProps = {
  board: BoardColumnView[];
  /** The board's scroller: the cards and columns are found in it by their data attributes. */
  scroller: RefObject<HTMLElement | null>;
  registry: DragRegistry;
  dragged: BoardCardView | null;
  /** Called once every card is bound, to replay what was pressed while this loaded. */
  onReady: () => void;
  onDragStart: (id: string) => void;
  onOver: (status: ApplicationStatus | null) => void;
  onDragEnd: (id: string, over: ApplicationStatus | null) => void;
  onDragCancel: () => void;
};

/**
 * The board's drag and drop, loaded when a handle is first focused or
 * pressed (use-lazy-drag-and-drop.ts). It renders no markup of the board's
 * own: each card and column, already on the page, is bound to dnd-kit here,
 * so loading it neither re-creates the board nor moves focus.
 */
export function BoardDnd({ board, scroller, registry, dragged, onReady, onDragStart, onOver, onDragEnd, onDragCancel }: BoardDndProps) {
  // Both keep a little state across one drag, so each board makes its own once.
  const [keyboard] = useState(columnCoordinates);
  const [announcements] = useState(boardAnnouncements);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard.getter, scrollBehavior: "auto" }),
  );
  useEffect(onReady, [onReady]);

  const end = () => keyboard.reset(null);
  return (
    <DndContext
      id="board"
      sensors={sensors}
      collisionDetection={collisions}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={({ active }) => {
        keyboard.reset(findCard(board, String(active.id))?.status ?? null);
        onDragStart(String(active.id));
      }}
      onDragOver={({ over }) => onOver(isStatus(over?.id) ? over.id : null)}
      onDragEnd={({ active, over }) => {
        end();
        onDragEnd(String(active.id), isStatus(over?.id) ? over.id : null);
      }}
      onDragCancel={() => {
        end();
        onDragCancel();
      }}
    >
      {board.map((column) => (
        <DroppableColumn key={column.status} status={column.status} scroller={scroller} />
      ))}
      {board.flatMap((column) => column.cards).map((card) => (
        <DraggableCard key={card.id} card={card} scroller={scroller} registry={registry} />
      ))}
      <DragOverlay>{dragged ? <CardPreview card={dragged} /> : null}</DragOverlay>
    </DndContext>
  );
}

function DroppableColumn({ status, scroller }: { status: ApplicationStatus; scroller: RefObject<HTMLElement | null> }) {
  const { setNodeRef } = useDroppable({ id: status });
  // After every render: a column that folds or opens is drawn anew.
  useLayoutEffect(() => setNodeRef(scroller.current?.querySelector<HTMLElement>(`[data-column="${status}"]`) ?? null));
  return null;
}

function DraggableCard({ card, scroller, registry }: { card: BoardCardView; scroller: RefObject<HTMLElement | null>; registry: DragRegistry }) {
  const { listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: card.id, data: { card } });
  // After every render: a card that moved is a new element in its new column.
  useLayoutEffect(() => {
    const node = scroller.current?.querySelector<HTMLElement>(`[data-testid="board-card"][data-id="${card.id}"]`) ?? null;
    setNodeRef(node);
    setActivatorNodeRef(node?.querySelector<HTMLElement>("[data-drag-handle]") ?? null);
    if (listeners) registry.set(card.id, listeners);
    return () => void registry.delete(card.id);
  });
  return null;
}

/** What follows the pointer while a card is dragged: a copy with nothing to click. */
export function CardPreview({ card }: { card: BoardCardView }) {
  return (
    <div className="card w-64 rotate-1 p-3 shadow-lg" aria-hidden>
      <p className="truncate text-sm text-slate-700 dark:text-slate-300">{card.company}</p>
      <p className="font-medium">{card.roleTitle}</p>
    </div>
  );
}
