"use client";

import { useCallback, useState, type ComponentType, type KeyboardEvent, type PointerEvent, type SyntheticEvent } from "react";
import type { BoardDndProps } from "./board-dnd";

/** A card's dnd-kit listeners, put here by board-dnd.tsx once it has loaded. */
export type DragListeners = Partial<Record<"onPointerDown" | "onKeyDown", (event: SyntheticEvent) => void>>;
export type DragRegistry = Map<string, DragListeners>;

/** What a drag handle's button is given. */
export type HandleEvents = {
  onFocus: () => void;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
};

/** The keys dnd-kit's keyboard sensor reads; any other (Tab above all) is left to the browser. */
const DRAG_KEYS = new Set(["Space", "Enter", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Escape"]);

type Pending = { target: Element; event: () => Event };
type Queue = { events: Pending[]; pointerUp: boolean };

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Drag and drop (dnd-kit, board-dnd.tsx) is loaded only when a drag handle
 * is first focused or pressed: until then the board is plain markup with a
 * few buttons, and a phone does not parse or run it at all. What the user did
 * while it loaded (a key pressed, a pointer still held down) is replayed to it
 * once it is there, one event per frame, as dnd-kit needs a render between a
 * pick-up and the first move.
 */
export function useLazyDragAndDrop() {
  const [Dnd, setDnd] = useState<ComponentType<BoardDndProps> | null>(null);
  // Plain objects, the same for the board's lifetime: dnd-kit's bindings fill the registry.
  const [registry] = useState<DragRegistry>(() => new Map());
  const [queue] = useState<Queue>(() => ({ events: [], pointerUp: false }));
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    if (loading) return;
    setLoading(true);
    import("./board-dnd").then(
      (m) => setDnd(() => m.BoardDnd),
      () => setLoading(false), // offline for a moment: the next focus or press tries again
    );
  }, [loading]);

  const ready = useCallback(() => {
    const events = queue.events.splice(0);
    const pointerUp = queue.pointerUp;
    void (async () => {
      for (const { target, event } of events) {
        await nextFrame();
        const e = event();
        // A press already let go is not a drag: only keys, or a pointer still down, are replayed.
        if (target.isConnected && !(e.type === "pointerdown" && pointerUp)) target.dispatchEvent(e);
      }
    })();
  }, [queue]);

  const handleFor = useCallback(
    (id: string): HandleEvents => ({
      onFocus: load,
      onPointerDown(event) {
        const listeners = registry.get(id);
        if (listeners?.onPointerDown) return listeners.onPointerDown(event);
        load();
        if (!event.isPrimary || event.button !== 0) return;
        const { clientX, clientY, screenX, screenY, pointerId, pointerType } = event;
        queue.pointerUp = false;
        window.addEventListener("pointerup", () => (queue.pointerUp = true), { once: true });
        queue.events.push({
          target: event.currentTarget,
          event: () => new window.PointerEvent("pointerdown", { bubbles: true, cancelable: true, isPrimary: true, button: 0, buttons: 1, clientX, clientY, screenX, screenY, pointerId, pointerType }),
        });
      },
      onKeyDown(event) {
        const listeners = registry.get(id);
        if (listeners?.onKeyDown) return listeners.onKeyDown(event);
        if (!DRAG_KEYS.has(event.code)) return;
        load();
        // Held for dnd-kit: an arrow key would otherwise scroll the board meanwhile.
        event.preventDefault();
        const { key, code } = event;
        queue.events.push({ target: event.currentTarget, event: () => new window.KeyboardEvent("keydown", { bubbles: true, cancelable: true, key, code }) });
      },
    }),
    [load, registry, queue],
  );

  return { Dnd, registry, handleFor, ready };
}
