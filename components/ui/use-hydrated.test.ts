import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "./use-hydrated";

function SendButton() {
  return createElement("button", { type: "submit", disabled: !useHydrated() }, "Send");
}

describe("useHydrated", () => {
  it("keeps a button off in the server's HTML, before the page's browser code runs", () => {
    // Once it runs, every e2e sign-in presses the sign-in button this hook had kept off.
    expect(renderToString(createElement(SendButton))).toBe('<button type="submit" disabled="">Send</button>');
  });
});
