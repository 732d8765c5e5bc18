"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useOptimistic, useState, useTransition } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";
import { moveCardAction } from "../actions";
import { BoardColumn } from "./board-column";
import { CardPreview } from "./board-card";
import type { CardView, ColumnView } from "./card-view";
import { boardAnnouncements, columnCoordinates, screenReaderInstructions } from "./keyboard-columns";
import { findCard, moveCard } from "./move-card";

// The pointer decides while there is one; the keyboard sensor has none, so
// the column the card overlaps most wins.
const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

const isStatus = (id: unknown): id is ApplicationStatus => APPLICATION_STATUSES.includes(id as ApplicationStatus);

export function Board({ columns }: { columns: ColumnView[] }) {
  const [board, showMove] = useOptimistic(columns, moveCard);
  const [, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragged, setDragged] = useState<CardView | null>(null);
  const [said, setSaid] = useState("");
  // Both keep a little state across one drag, so each board makes its own once.
  const [keyboard] = useState(columnCoordinates);
  const [announcements] = useState(boardAnnouncements);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard.getter, scrollBehavior: "auto" }),
  );

  /**
   * `origin` is the card the user acted on: a refusal is shown beside it even
   * if the id posted was not its own.
   */
  function move(origin: string, applicationId: string, status: ApplicationStatus, fromMenu: boolean) {
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => id !== origin)));
    setFocusId(origin);
    const card = findCard(board, origin);
    startTransition(async () => {
      showMove({ id: applicationId, status });
      const result = await moveCardAction({ applicationId, status });
      if (!result.ok) {
        setErrors((e) => ({ ...e, [origin]: result.message }));
        setSaid("");
      } else if (fromMenu && card) {
        setSaid(`Moved ${card.company}, ${card.roleTitle} to ${STATUS_LABELS[status]}.`);
      }
    });
  }

  function onDragStart({ active }: DragStartEvent) {
    const card = findCard(board, String(active.id));
    keyboard.reset(card?.status ?? null);
    setDragged(card ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(null);
    keyboard.reset(null);
    const card = findCard(board, String(active.id));
    if (!card || !isStatus(over?.id) || over.id === card.status) return;
    move(card.id, card.id, over.id, false);
  }

  return (
    <DndContext
      id="board"
      sensors={sensors}
      collisionDetection={collisions}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDragged(null);
        keyboard.reset(null);
      }}
    >
      {/* relative: the screen-reader-only text in off-screen columns would otherwise widen the whole page. */}
      <div className="relative -mx-4 overflow-x-auto px-4 pb-4" data-testid="board">
        <div className="flex snap-x gap-3">
          {board.map((column) => (
            <BoardColumn
              key={column.status}
              column={column}
              errors={errors}
              focusId={focusId}
              onMove={(origin, id, status) => move(origin, id, status, true)}
            />
          ))}
        </div>
      </div>
      <p role="status" className="sr-only">
        {said}
      </p>
      <DragOverlay>{dragged ? <CardPreview card={dragged} /> : null}</DragOverlay>
    </DndContext>
  );
}
