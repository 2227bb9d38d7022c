import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False while the page is still the server's HTML, true once its browser code runs. A form whose
 * sending needs that code keeps its button off till then: pressed earlier, the browser would send
 * the form itself, and what was typed would be lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
