/**
 * What a screen reader says about a card's drag handle. Its own module, free
 * of dnd-kit, so the board can describe its handles before drag and drop has loaded.
 */
export const DRAG_INSTRUCTIONS_ID = "board-drag-instructions";

export const DRAG_INSTRUCTIONS =
  "To move this application to another column, press Space or Enter to pick it up, the left and right arrow keys to choose a column, and Space or Enter to drop it there. Escape puts it back. The card's Move to menu does the same.";
