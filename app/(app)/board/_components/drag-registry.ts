import type { SyntheticEvent } from "react";

/** A card's dnd-kit listeners, put here by board-dnd.tsx once it has loaded. */
export type DragListeners = Partial<Record<"onPointerDown" | "onKeyDown", (event: SyntheticEvent) => void>>;

/** Every card's listeners by application id: the handles' events reach dnd-kit through it. */
export type DragRegistry = Map<string, DragListeners>;
