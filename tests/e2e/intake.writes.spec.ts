// Intake end to end, as an analyst: each kind of document uploaded through the browser reaches its
// review queue; a suggested pledge accepted (edited first, by keyboard) is created with its source and
// exact quote, shown on its page; a rejection writes nothing; bad documents are refused with their
// reasons and a document with nothing to suggest says so. Never a 500.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, test, type Page } from "@playwright/test";
import { citationsQuoting } from "./support/database";
import { storageStateOf } from "./support/users";
import { expectNoAxeViolations } from "./support/page-checks";

let folder: string;
test.beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "pledgewatch-intake-"));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function pdfFile(name: string, lines: string[], image = false): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  if (image) {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    page.drawImage(await pdf.embedPng(png), { x: 50, y: 400, width: 300, height: 300 });
  } else {
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    lines.forEach((line, index) => page.drawText(line, { x: 40, y: 760 - index * 16, size: 10, font }));
  }
  const file = path.join(folder, name);
  writeFileSync(file, await pdf.save());
  return file;
}

async function upload(page: Page, file: string) {
  await page.goto("/intake");
  await page.getByLabel("Or choose a file").setInputFiles(file);
  await page.getByRole("button", { name: "Read the document" }).click();
}

async function expectQueue(page: Page) {
  await expect(page).toHaveURL(/\/intake\/[^/?]+/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: /^Suggestions/ })).toBeVisible();
}

test("each kind of document reaches its review queue, its quotes marked in its text", async ({ page }) => {
  test.setTimeout(120_000);
  const id = stamp();
  const sentence = (who: string) =>
    `${who} committed to deploying up to 1,${id.slice(-3)} troops to Ukraine in the event of a ceasefire.`;
  const files = {
    "notes.txt": `Text report ${id}\n${sentence("Norway")}`,
    "notes.md": `# Markdown report ${id}\n\n- ${sentence("Denmark")}`,
    "page.html": `<!doctype html><html><head><title>Web report ${id}</title><script>document.write("injected ${id}")</script></head><body><article><h1>Web report ${id}</h1><p>${sentence("Sweden")} The pledge was announced in Paris, where leaders met for a second day of talks on guarantees.</p><script>alert("x")</script></article></body></html>`,
  };
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(folder, `${id}-${name}`), content);
  const pdf = await pdfFile(`${id}-report.pdf`, [
    `PDF report ${id}`,
    "Finland committed to deploying up to 900 troops to",
    "Ukraine after a ceasefire.",
  ]);
  const docx = path.join(folder, `${id}-report.docx`);
  writeFileSync(
    docx,
    await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph(`Word report ${id}`), new Paragraph(sentence("Estonia"))] }],
      }),
    ),
  );

  for (const [file, title, quote] of [
    [path.join(folder, `${id}-notes.txt`), `Text report ${id}`, sentence("Norway")],
    [path.join(folder, `${id}-notes.md`), `Markdown report ${id}`, sentence("Denmark")],
    [path.join(folder, `${id}-page.html`), `Web report ${id}`, sentence("Sweden")],
    [pdf, `PDF report ${id}`, "Finland committed to deploying up to 900 troops to Ukraine after a ceasefire"],
    [docx, `Word report ${id}`, sentence("Estonia")],
  ] as const) {
    await upload(page, file);
    await expectQueue(page);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const document = page.getByTestId("intake-document");
    await expect(document).toContainText(quote.replace(/\.$/, ""));
    await expect(document).not.toContainText("injected");
    await expect(document).not.toContainText("alert(");
    await expect(page.getByTestId("suggestion").filter({ hasText: "Pledge" }).first()).toBeVisible();
    await expect(document.locator("mark").first()).toBeVisible();
  }

  // The same text again is the same source.
  const again = page.url();
  await upload(page, docx);
  await expect(page).toHaveURL(`${again}?existing=1`);
  await expect(page.getByRole("status").filter({ hasText: "taken in before" })).toBeVisible();
});

test("a pledge accepted by keyboard, edited first, is created with its source and exact quote", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  const quote = `Lithuania and Latvia committed to deploying up to 2,${id.slice(-3)} troops to Ukraine`;
  await page.goto("/intake");
  await page
    .getByLabel("Paste the text")
    .fill(`Baltic update ${id}\n${quote} in the event of a ceasefire.\nPoland will not send troops.`);
  await page.getByLabel("Title").fill(`Baltic update ${id}`);
  await page.getByLabel("Published on").fill("2026-01-07");
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  await expectNoAxeViolations(page);

  // The page opens with the first suggestion focused: the keys work at once. A refusal says so.
  await expect(page.getByTestId("suggestion").first()).toBeFocused();
  await expect(page.getByRole("listitem", { name: /^Refusal: .*Poland/ })).toHaveCount(1);
  // j moves to a suggestion, k back; the pledge is found by moving through the queue.
  const pledge = page
    .getByTestId("suggestion")
    .filter({ hasText: `${quote}` })
    .filter({ has: page.locator(".badge", { hasText: /^Pledge$/ }) });
  await expect(pledge).toHaveCount(1);
  // The keys act while the queue has the focus: typed elsewhere on the page, they do nothing.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(page.getByTestId("suggestion").first()).not.toBeFocused();
  await page.keyboard.press("j");
  await expect(page.getByTestId("suggestion").first()).toHaveAttribute("aria-current", "true");
  await page.getByTestId("suggestion").first().focus();
  await page.keyboard.press("j");
  await expect(page.locator("[data-testid=suggestion][aria-current=true]")).toHaveCount(1);
  for (let step = 0; step < 10; step++) await page.keyboard.press("k");
  await expect(page.getByTestId("suggestion").first()).toHaveAttribute("aria-current", "true");
  for (let step = 0; step < 10 && (await pledge.getAttribute("aria-current")) !== "true"; step++) {
    await page.keyboard.press("j");
  }
  await expect(pledge).toHaveAttribute("aria-current", "true");
  await expect(page.locator("mark[data-selected=true]").first()).toBeVisible();

  await page.keyboard.press("e");
  const title = pledge.getByLabel("Title");
  await expect(title).toBeFocused();
  await title.fill(`Baltic troops ${id}`);
  // Without its quantity: the tests beside this one read the dashboard's personnel total.
  for (const field of ["Lowest quantity", "Highest quantity", "Unit"])
    await pledge.getByLabel(field, { exact: true }).fill("");
  await pledge.getByRole("button", { name: "Accept as edited" }).click();
  await expect(pledge.getByRole("link", { name: "Open the pledge" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /Accepted: .*Lithuania/ })).toBeVisible();
  await expect(page.getByRole("status").getByRole("link", { name: "Open the pledge" })).toBeVisible();
  await page.getByLabel("Show decided ones too").check();
  const accepted = page
    .getByTestId("suggestion")
    .filter({ hasText: quote })
    .filter({ has: page.locator(".badge", { hasText: /^Accepted/ }) });
  await expect(accepted).toHaveCount(1);
  await accepted.getByRole("link", { name: "Open the pledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Baltic troops ${id}` })).toBeVisible();
  await expect(page.getByText(`Baltic update ${id}`).first()).toBeVisible();
  await expect(page.getByText(quote, { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Lithuania").first()).toBeVisible();
  expect(await citationsQuoting(`${quote} in the event of a ceasefire.`)).toBeGreaterThanOrEqual(1);
});

test("a condition accepted from a document is linked to the pledge that depends on it there", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  const when = `only if the Riigikogu approves plan ${id}`;
  await page.goto("/intake");
  await page
    .getByLabel("Paste the text")
    .fill(`Estonian update ${id}\nEstonia committed to deploying engineers to Ukraine ${when}.`);
  await page.getByLabel("Title").fill(`Estonian update ${id}`);
  await page.getByLabel("Published on").fill("2026-01-08");
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);

  const condition = page
    .getByTestId("suggestion")
    .filter({ has: page.locator(".badge", { hasText: /^Condition$/ }) })
    .filter({ hasText: when });
  const pledge = page
    .getByTestId("suggestion")
    .filter({ has: page.locator(".badge", { hasText: /^Pledge$/ }) })
    .filter({ hasText: "Estonia committed to deploying engineers" });
  // Before the condition is accepted, the pledge's card says it cannot link it yet.
  await expect(pledge.getByTestId("conditions-waiting")).toContainText("accept it first to link it");
  await condition.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Accepted: / })).toBeVisible();
  await expect(pledge.getByTestId("conditions-waiting")).toHaveCount(0);

  await pledge.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByRole("status").getByRole("link", { name: "Open the pledge" })).toBeVisible();
  await page.getByRole("status").getByRole("link", { name: "Open the pledge" }).click();
  const conditions = page.getByRole("region", { name: "Conditions" });
  await expect(
    conditions.getByRole("row").filter({ hasText: new RegExp(`approves plan ${id}`, "i") }),
  ).toHaveCount(1);
});

test("a figure from a document becomes a tracked pledge's quantity, with its evidence", async ({ page }) => {
  test.setTimeout(90_000);
  const id = stamp();
  const title = `Croatian drones ${id}`;
  await page.goto("/intake");
  await page
    .getByLabel("Paste the text")
    .fill(
      `Croatian update ${id}\nCroatia committed to supplying surveillance drones to Ukraine.\nOfficials later put the number at 14 drones.`,
    );
  await page.getByLabel("Title").fill(`Croatian update ${id}`);
  await page.getByLabel("Published on").fill("2026-01-09");
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);

  const pledge = page
    .getByTestId("suggestion")
    .filter({ has: page.locator(".badge", { hasText: /^Pledge$/ }) })
    .filter({ hasText: "Croatia committed to supplying surveillance drones" });
  await pledge.getByRole("button", { name: "Edit" }).click();
  await pledge.getByLabel("Title").fill(title);
  await pledge.getByRole("button", { name: "Accept as edited" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Accepted: / })).toBeVisible();

  const figure = page
    .getByTestId("suggestion")
    .filter({ has: page.locator(".badge", { hasText: /^Figure$/ }) })
    .filter({ hasText: "14 drones" });
  await figure.getByRole("button", { name: "Edit" }).click();
  await figure.getByRole("radio", { name: "the quantity of a tracked pledge" }).check();
  await figure.getByLabel("Tracked pledge", { exact: true }).selectOption({ label: title });
  await figure.getByRole("button", { name: "Accept as edited" }).click();
  // The figure's own outcome: the pledge's, said before, had a link to the pledge too.
  await expect(page.getByRole("status").filter({ hasText: /Accepted: 14 drones/ })).toBeVisible();
  await page.getByRole("status").getByRole("link", { name: "Open the pledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("14 drones");
  expect(await citationsQuoting("14 drones")).toBeGreaterThanOrEqual(1);
});

test("a model is asked from the review page; what it quotes falsely is dropped, the rest reviewed", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  const said = `Iceland earmarked two coastguard vessels ${id} for the Black Sea mission`;
  await page.goto("/intake");
  await page.getByLabel("Paste the text").fill(`Nordic note ${id}\n${said}.`);
  await page.getByLabel("Title").fill(`Nordic note ${id}`);
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  const fromModel = page.getByTestId("suggestion").filter({ hasText: said });
  await expect(fromModel).toHaveCount(0);

  await page.getByRole("button", { name: "Ask the model e2e-model too" }).click();
  await expect(page.getByRole("main")).toContainText(
    "Read again by the model e2e-model: 1 new suggestion; 1 dropped because its quote is not in the text.",
  );
  await expect(fromModel).toHaveCount(1);
  await fromModel.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Accepted: .*Iceland/ })).toBeVisible();
  expect(await citationsQuoting(said)).toBeGreaterThanOrEqual(1);
});

test("a suggestion another analyst decided first is shown as theirs, and nothing more is written", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  await page.goto("/intake");
  await page
    .getByLabel("Paste the text")
    .fill(`Two desks ${id}\nMalta will send 40 medics ${id.slice(-4)} to Ukraine.`);
  await page.getByLabel("Title").fill(`Two desks ${id}`);
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  const card = (on: Page) =>
    on
      .getByTestId("suggestion")
      .filter({ has: on.locator(".badge", { hasText: /^Pledge$/ }) })
      .filter({ hasText: "Malta will send 40 medics" });
  await expect(page.getByText("Announced on: not known, so recorded as today")).toBeVisible();

  // An admin, at another desk, rejects it first.
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto(page.url());
  await card(admin).getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /^Rejected: / })).toBeVisible();
  await admin.context().close();

  // The analyst's page still shows it waiting; accepting it is refused and the page catches up.
  await card(page).getByRole("button", { name: "Accept", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Erin Admin had already rejected this suggestion/ }),
  ).toBeVisible();
  await expect(card(page)).toHaveCount(0);
  expect(await citationsQuoting(`Malta will send 40 medics ${id.slice(-4)} to Ukraine.`)).toBe(0);
});

test("a rejection is taken back, by u or by its button, and the suggestion waits again", async ({ page }) => {
  test.setTimeout(90_000);
  const id = stamp();
  const sentence = `Malta pledged €${id.slice(-3)} million in military aid.`;
  await page.goto("/intake");
  await page.getByLabel("Paste the text").fill(`Malta note ${id}\n${sentence}`);
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  const pledge = page
    .getByTestId("suggestion")
    .filter({ hasText: "Malta" })
    .filter({ has: page.locator(".badge", { hasText: /^Pledge$/ }) });
  await expect(pledge).toHaveCount(1);

  // Rejected by r, taken back by u: the outcome says so, and the suggestion has the focus again.
  await pledge.focus();
  await page.keyboard.press("r");
  await expect(pledge).toHaveCount(0);
  const outcome = page.getByRole("status").filter({ hasText: /^Rejected: / });
  await expect(outcome.getByRole("button", { name: "Undo the rejection" })).toBeVisible();
  await page.keyboard.press("u");
  await expect(
    page.getByRole("status").filter({ hasText: /^Put back: .*It waits for a decision again\./ }),
  ).toBeVisible();
  await expect(pledge).toHaveAttribute("data-state", "pending");
  await expect(pledge).toBeFocused();
  await expectNoAxeViolations(page);

  // Rejected by its button, then put back from the decided list.
  await pledge.getByRole("button", { name: "Reject" }).click();
  await expect(pledge).toHaveCount(0);
  await page.getByLabel("Show decided ones too").check();
  const rejected = page
    .getByTestId("suggestion")
    .filter({ hasText: "Malta" })
    .filter({ has: page.locator(".badge", { hasText: /^Rejected/ }) });
  await rejected.getByRole("button", { name: "Put back for review" }).click();
  await expect(pledge).toHaveAttribute("data-state", "pending");
  await expect(pledge.getByRole("button", { name: "Accept" })).toBeVisible();
  // Decided cards say so to a screen reader too.
  await pledge.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("listitem", { name: /^Pledge \(rejected\): .*Malta/ })).toHaveCount(1);
  expect(await citationsQuoting(sentence)).toBe(0);
});

test("rejecting writes nothing and is remembered; bad documents are refused with their reasons", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const id = stamp();
  const sentence = `Iceland pledged €${id.slice(-3)} million in military aid.`;
  await page.goto("/intake");
  await page.getByLabel("Paste the text").fill(`Aid note ${id}\n${sentence}`);
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  const pledge = page.getByTestId("suggestion").filter({ hasText: "Iceland" }).first();
  await pledge.getByRole("button", { name: "Reject" }).click();
  await expect(
    page
      .getByTestId("suggestion")
      .filter({ hasText: "Iceland" })
      .filter({ has: page.locator(".badge", { hasText: /^Pledge$/ }) }),
  ).toHaveCount(0);
  expect(await citationsQuoting(sentence)).toBe(0);
  await page.getByRole("button", { name: "Read again with the rules" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Read again by the rules: 0 new suggestions/ }),
  ).toBeVisible();

  // An image-only PDF, a binary file, a file over 10 MB: each refused, with its reason, nothing stored.
  const cases: [string, RegExp][] = [
    [await pdfFile(`${id}-scan.pdf`, [], true), /no text to read.*image/],
    [path.join(folder, `${id}-data.bin`), /not text/],
  ];
  // A binary file of almost 10 MB: under the limit, so refused for what it is.
  const binary = Buffer.alloc(10 * 1024 * 1024 - 4096);
  for (let index = 0; index < binary.length; index++) binary[index] = (index * 7919) % 256;
  writeFileSync(cases[1]![0], binary);
  for (const [file, message] of cases) {
    await upload(page, file);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await expect(page).toHaveURL(/\/intake$/);
  }
  const large = path.join(folder, `${id}-large.txt`);
  writeFileSync(large, "x".repeat(10 * 1024 * 1024 + 10));
  await upload(page, large);
  await expect(page.getByRole("alert").filter({ hasText: "larger than 10 MB" })).toBeVisible();

  // A document with nothing to suggest is stored, and its page says there is nothing to review.
  await page.goto("/intake");
  await page.getByLabel("Paste the text").fill(`Weather ${id}\nIt rained in Paris on the second day.`);
  await page.getByRole("button", { name: "Read the document" }).click();
  await expectQueue(page);
  await expect(page.getByRole("status").filter({ hasText: "No suggestions" })).toBeVisible();
});
