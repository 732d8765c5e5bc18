"use client";

import { useLayoutEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import { isClosed, type ApplicationStatus } from "@/lib/vocabulary";
import { useOfferUndo } from "../../_components/undo/undo-toast-provider";
import { moveCardAction } from "../actions";
import { BoardColumn } from "./board-column";
import type { BoardCardView as CardView, BoardColumnView as ColumnView } from "./card-view";
import { DRAG_INSTRUCTIONS, DRAG_INSTRUCTIONS_ID } from "./drag-instructions";
import { findCard, moveCard } from "./move-card";
import { OffScreenHints } from "./off-screen-hints";
import { useLazyDragAndDrop } from "./use-lazy-drag-and-drop";
import { useOffScreenColumns } from "./use-off-screen-columns";

/**
 * Closed and empty columns start narrow, so the open columns with cards get
 * the room: nine full columns never fit a laptop. Decided from the data
 * alone, so the server's first paint is already right.
 */
export const startsCollapsed = (column: ColumnView) => isClosed(column.status) || column.total === 0;

/**
 * The board's state: where each card is (moved at once, before the server
 * confirms), which columns are open, errors and focus. Drag and drop joins
 * when a handle is first used.
 */
export function Board({ columns }: { columns: ColumnView[] }) {
  const [board, showMove] = useOptimistic(columns, moveCard);
  const [, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragged, setDragged] = useState<CardView | null>(null);
  const [over, setOver] = useState<ApplicationStatus | null>(null);
  const [said, setSaid] = useState("");
  // Columns the user opened or folded; the rest follow `startsCollapsed`.
  const [opened, setOpened] = useState<Partial<Record<ApplicationStatus, boolean>>>({});
  const scroller = useRef<HTMLDivElement>(null);
  const isCollapsed = (column: ColumnView) => !(opened[column.status] ?? !startsCollapsed(column));
  const layoutKey = board.map((c) => `${c.status}:${isCollapsed(c) ? 0 : 1}`).join();
  const offScreen = useOffScreenColumns(scroller, layoutKey);
  const firstWithCards = board.find((c) => c.cards.length > 0 && !isCollapsed(c))?.status ?? null;

  // Browsers without scroll-initial-target (the CSS that opens a phone on the
  // first column with cards at first paint) get the same scroll before paint.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !firstWithCards || box.scrollLeft !== 0 || CSS.supports("scroll-initial-target: nearest")) return;
    const target = box.querySelector<HTMLElement>(`[data-column="${firstWithCards}"]`);
    if (target && target.getBoundingClientRect().right > box.getBoundingClientRect().right) {
      box.scrollLeft = target.offsetLeft - box.offsetLeft - 16;
    }
    // Only on arrival: later moves must not yank the board sideways.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function toggle(status: ApplicationStatus) {
    const column = board.find((c) => c.status === status);
    if (column) setOpened((o) => ({ ...o, [status]: isCollapsed(column) }));
  }
  const offerUndo = useOfferUndo();
  const { Dnd, registry, handleFor, ready } = useLazyDragAndDrop();

  /**
   * `origin` is the card the user acted on: a refusal is shown beside it even
   * if the id posted was not its own.
   */
  function move(origin: string, applicationId: string, status: ApplicationStatus, fromMenu: boolean) {
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => id !== origin)));
    setFocusId(origin);
    // The card lands in view, and focus can follow it, even in a column that was folded.
    setOpened((o) => ({ ...o, [status]: true }));
    const card = findCard(board, origin);
    startTransition(async () => {
      showMove({ id: applicationId, status });
      const result = await moveCardAction({ applicationId, status });
      if (result.ok && result.undo) offerUndo(result.undo);
      if (!result.ok) {
        setErrors((e) => ({ ...e, [origin]: result.message }));
        setSaid("");
      } else if (fromMenu && card) {
        setSaid(`Moved ${card.company}, ${card.roleTitle} to ${STATUS_LABELS[status]}.`);
      }
    });
  }

  function dragEnded(id: string, target: ApplicationStatus | null) {
    setDragged(null);
    setOver(null);
    const card = findCard(board, id);
    if (!card || !target || target === card.status) return;
    move(card.id, card.id, target, false);
  }

  return (
    <>
      {/* relative: the screen-reader-only text in off-screen columns would otherwise widen the whole page. */}
      <OffScreenHints offScreen={offScreen} scroller={scroller} />
      <div className="relative -mx-4">
        <div ref={scroller} className="relative snap-x scroll-px-4 overflow-x-auto px-4 pb-4" data-testid="board">
          <div className="flex gap-1.5">
            {board.map((column) => (
              <BoardColumn
                key={column.status}
                column={column}
                errors={errors}
                focusId={focusId}
                draggedId={dragged?.id ?? null}
                isOver={over === column.status}
                handleEvents={handleFor}
                collapsed={isCollapsed(column)}
                collapsible={startsCollapsed(column)}
                initialTarget={column.status === firstWithCards}
                onToggle={toggle}
                onMove={(origin, id, status) => move(origin, id, status, true)}
              />
            ))}
          </div>
        </div>
      </div>
      <p role="status" className="sr-only">
        {said}
      </p>
      <p id={DRAG_INSTRUCTIONS_ID} hidden>
        {DRAG_INSTRUCTIONS}
      </p>
      {Dnd ? (
        <Dnd
          board={board}
          scroller={scroller}
          registry={registry}
          dragged={dragged}
          onReady={ready}
          onDragStart={(id) => setDragged(findCard(board, id) ?? null)}
          onOver={setOver}
          onDragEnd={dragEnded}
          onDragCancel={() => {
            setDragged(null);
            setOver(null);
          }}
        />
      ) : null}
    </>
  );
}
