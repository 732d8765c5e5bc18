"use client";

import { useEffect } from "react";
import { recordBrowserLocaleAction } from "../actions";

/**
 * The calendar feed has no browser to ask how dates read: when this
 * browser's locale is not the one last recorded, the server records it
 * (reading Accept-Language itself), once per change.
 */
export function RecordBrowserLocale() {
  useEffect(() => {
    void recordBrowserLocaleAction();
  }, []);
  return null;
}
