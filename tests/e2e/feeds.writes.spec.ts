// A personal feed address, end to end: a viewer makes one on their account page, a feed reader (no
// cookies) reads it, and once revoked it reads no more.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/users";

test("a viewer makes a feed address that a reader without cookies follows, until it is revoked", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const page = await (await browser.newContext({ storageState: storageStateOf("viewer") })).newPage();
  await page.goto("/account");
  const feeds = page.getByRole("region", { name: "Feeds" });
  await feeds.getByRole("button", { name: "Make a feed address" }).click();
  const address = await feeds.getByTestId("feed-address").inputValue();
  expect(address).toMatch(/\/feeds\/changes\.atom\?token=pw_/);

  const reader = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const path = address.slice(address.indexOf("/feeds/"));
  const fed = await reader.get(path);
  expect(fed.status()).toBe(200);
  expect(fed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await fed.text()).toContain("<title>Pledgewatch: what changed</title>");
  // Without the token, the reader is told to authenticate, not sent to a sign-in page.
  expect((await reader.get("/feeds/changes.atom", { maxRedirects: 0 })).status()).toBe(401);

  await page.reload();
  const tokens = feeds.getByRole("list", { name: "Your feed tokens" });
  await expect(tokens.getByRole("listitem")).toHaveCount(1);
  await tokens.getByRole("button", { name: /^Revoke the feed token/ }).click();
  const yes = page.getByRole("button", { name: "Yes, revoke" });
  await expect(yes).toBeFocused();
  await yes.click();
  // Gone from the list, and from every feed reader.
  await expect(tokens).toHaveCount(0);
  expect((await reader.get(path)).status()).toBe(401);
  await reader.dispose();
});
