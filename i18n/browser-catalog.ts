import type { Messages } from "next-intl";

// The words browser code shows, as it reads them: not inside each page (they were a fifth of the
// dashboard's page, gzipped), but from /api/messages, an address that changes only when the words do,
// so the browser keeps them from one page and one visit to the next. Plain code: the server (the
// address, the answer) and the browser (while it renders on the server) share it.

export type Namespace = keyof Messages;

/**
 * Every page's: the vocabulary (badges, selects), the UI kit's words, the form parts' (any page may
 * hold a form), the export links' and the watch button's.
 */
export const everywhere = [
  "vocabulary",
  "common",
  "forms",
  "exports",
  "watch",
] as const satisfies Namespace[];

/**
 * Parts of a namespace only the server words, never sent: what a form's action answers, why a
 * write was refused, an import row's problems, a query parameter's. The browser words only its live
 * checks' messages.
 */
const serverOnly: Partial<Record<Namespace, readonly string[]>> = {
  validation: ["outcome", "refusal", "row", "param"],
};

/** The catalog's `namespaces`, each as the browser needs it. */
export function pickForBrowser(catalog: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(
    namespaces.map((namespace) => {
      const left = serverOnly[namespace];
      const words = catalog[namespace];
      return [
        namespace,
        left ? Object.fromEntries(Object.entries(words).filter(([key]) => !left.includes(key))) : words,
      ];
    }),
  );
}

/** Where the browser reads a language's `namespaces`, as they are in `version` of the words. */
export function messagesAddress(locale: string, namespaces: readonly Namespace[], version: string) {
  const query = new URLSearchParams([
    ["locale", locale],
    ...namespaces.map((name) => ["namespace", name]),
    ["version", version],
  ]);
  return `/api/messages?${query}`;
}

/** Where the page's early reads of its words wait for the browser code (browser-messages.tsx). */
export const earlyReads = "__pledgewatchWords";

/**
 * The inline script that asks for the words at `address` once the page is first painted: in time
 * for hydration (they are a few KB; the page's scripts are tens), yet never ahead of what paints the
 * page or of its scripts on a phone's few connections. Before hydration no browser code can ask.
 */
export function earlyReadScript(address: string): string {
  // JSON says the address as a script string; "<" escaped, it cannot close the script element.
  const at = JSON.stringify(address).replaceAll("<", "\\u003c");
  return (
    // The second frame's callbacks run once the first frame, the page's first paint, is shown. A tab
    // opened behind others draws no frame: a second later it asks all the same.
    `(self.${earlyReads}??={})[${at}]??=new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(r)})});setTimeout(r,1e3)})` +
    `.then(function(){return fetch(${at})}).then(function(a){if(!a.ok)throw new Error(a.status);return a.json()});`
  );
}
