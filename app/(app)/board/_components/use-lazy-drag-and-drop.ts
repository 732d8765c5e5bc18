"use client";

import { useCallback, useRef, useState, type ComponentType, type KeyboardEvent, type PointerEvent, type SyntheticEvent } from "react";
import type { BoardDndProps } from "./board-dnd";
import type { DragListeners, DragRegistry } from "./drag-registry";

/** What a drag handle's button is given. */
export type HandleEvents = {
  onFocus: () => void;
  onPointerDown: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
};

/** The keys dnd-kit's keyboard sensor reads; any other (Tab above all) is left to the browser. */
const DRAG_KEYS = new Set(["Space", "Enter", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Escape"]);

type Pending = { target: Element; event: () => Event };
/** `busy` from the first held event until the last is replayed: whatever comes meanwhile queues behind it, in order. */
type Queue = { events: Pending[]; pointerUp: boolean; busy: boolean };

/** The events this hook dispatched itself, which go straight to dnd-kit. */
const replayed = new WeakSet<Event>();

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
  // A ref, not state: it is read and changed only in event handlers, never drawn.
  const held = useRef<Queue>({ events: [], pointerUp: false, busy: false });
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    if (loading) return;
    setLoading(true);
    import("./board-dnd").then(
      (m) => setDnd(() => m.BoardDnd),
      () => {
        const queue = held.current;
        // Offline for a moment: what was held is dropped, and the next focus or press tries again.
        queue.events.length = 0;
        queue.busy = false;
        setLoading(false);
      },
    );
  }, [loading]);

  const ready = useCallback(() => {
    const queue = held.current;
    void (async () => {
      // Events that arrive while this replays join the end of the queue, so the order is kept.
      while (queue.events.length > 0) {
        await nextFrame();
        const { target, event } = queue.events.shift()!;
        const e = event();
        // A press already let go is not a drag: only keys, or a pointer still down, are replayed.
        if (!target.isConnected || (e.type === "pointerdown" && queue.pointerUp)) continue;
        replayed.add(e);
        target.dispatchEvent(e);
      }
      queue.busy = false;
    })();
  }, []);

  /** dnd-kit's listener for this event, unless earlier events are still held for it. */
  const direct = (id: string, name: keyof DragListeners, event: SyntheticEvent) =>
    replayed.has(event.nativeEvent) || !held.current.busy ? registry.get(id)?.[name] : undefined;

  const handleFor = useCallback(
    (id: string): HandleEvents => ({
      onFocus: load,
      onPointerDown(event) {
        const listener = direct(id, "onPointerDown", event);
        if (listener) return listener(event);
        load();
        const queue = held.current;
        if (!event.isPrimary || event.button !== 0) return;
        queue.busy = true;
        const { clientX, clientY, screenX, screenY, pointerId, pointerType } = event;
        queue.pointerUp = false;
        window.addEventListener("pointerup", () => (queue.pointerUp = true), { once: true });
        queue.events.push({
          target: event.currentTarget,
          event: () => new window.PointerEvent("pointerdown", { bubbles: true, cancelable: true, isPrimary: true, button: 0, buttons: 1, clientX, clientY, screenX, screenY, pointerId, pointerType }),
        });
      },
      onKeyDown(event) {
        const listener = direct(id, "onKeyDown", event);
        if (listener) return listener(event);
        if (!DRAG_KEYS.has(event.code)) return;
        load();
        const queue = held.current;
        // Held for dnd-kit: neither the browser (an arrow key would scroll the board) nor dnd-kit's
        // own listener, already on the document once it has loaded, may see it before the keys before it.
        event.preventDefault();
        event.stopPropagation();
        queue.busy = true;
        const { key, code } = event;
        queue.events.push({ target: event.currentTarget, event: () => new window.KeyboardEvent("keydown", { bubbles: true, cancelable: true, key, code }) });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `direct` reads only the registry (listed) and a ref
    [load, registry],
  );

  return { Dnd, registry, handleFor, ready };
}
