"use client";

import { useEffect, useRef, useState, type SyntheticEvent } from "react";

/**
 * Whether a <details> has been opened yet, for drawing its contents only
 * then. One opened before the page hydrated (a quick click) is caught on
 * mount; once drawn, the contents stay, so closing keeps what was typed.
 */
export function useOpenedOnce() {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    // Toggled before React was listening.
    if (ref.current?.open) setOpened(true);
  }, []);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open) setOpened(true);
  };
  return { ref, opened, onToggle };
}
