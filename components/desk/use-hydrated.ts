"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False while the server renders and before hydration; true once JavaScript runs the page. Controls that need JavaScript appear only then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
