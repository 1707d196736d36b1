// Settings → Inboxes, end to end: an administrator creates a Website inbox through the
// dashboard, copies the install snippet with the Copy button, pastes it into a page served
// from another origin (a small server this spec starts), chats from the widget there, and
// sees the visitor's message in the dashboard. Then the widget builder's preview follows a
// colour change before it is saved. Runs after first_run.spec.ts (the administrator).
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openWidget, SEL, sendVisitorMessage, unique, waitForReady } from "./widget_support";

const admin = { email: "ada@example.com", password: "Passw0rd!" };

test.describe.configure({ mode: "serial" });

/** The site owner's page: whatever HTML was pasted, served on http://localhost:<port>. */
let pasted = "";
let host: Server;
let hostOrigin = "";

test.beforeAll(async () => {
  host = createServer((req, res) => {
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(pasted);
  });
  await new Promise<void>((resolve) => host.listen(0, resolve));
  // localhost, not 127.0.0.1: another origin than OneChat's http://127.0.0.1:<port>.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function logIn(page: Page) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await hydrated(page);
  return Number(/accounts\/(\d+)\//.exec(page.url())![1]);
}

/** A page of the site owner's, with the snippet pasted before </body> as the finish page says. */
const hostPage = (snippet: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme pasted page</title></head>
<body>
<h1>Acme Corp</h1>
<script>
  window.__events = [];
  ["ready", "opened", "closed", "on-message"].forEach(function (name) {
    window.addEventListener("OneChat:" + name, function (e) { window.__events.push({ name: "OneChat:" + name, detail: e.detail }); });
    window.addEventListener("chatwoot:" + name, function (e) { window.__events.push({ name: "chatwoot:" + name, detail: e.detail }); });
  });
</script>
${snippet}
</body>
</html>
`;

let accountId = 0;
let inboxId = 0;

test("an administrator creates a Website inbox, pastes its snippet on another site and chats", async ({
  page,
  context,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  accountId = await logIn(page);
  const name = `Acme site ${unique()}`;

  await page.goto(`/app/accounts/${accountId}/settings/inboxes/list`);
  await hydrated(page);
  await page.getByRole("link", { name: "Add inbox" }).click();
  await page.getByRole("link", { name: /Website/ }).click();
  await expect(page).toHaveURL(/\/settings\/inboxes\/new\/website$/);
  await hydrated(page);
  const form = page.locator("#new-website-form");
  await form.getByLabel("Website name").fill(name);
  await form.getByLabel("Website domain").fill(hostOrigin);
  await form.getByLabel("Widget color").fill("#e0115f");
  await form.getByLabel("Welcome heading").fill("Hello from Acme");
  await form.getByLabel("Welcome tagline").fill("We answer within minutes");
  await form.getByRole("button", { name: "Create inbox" }).click();

  // Step 2: add yourself, so the inbox shows in your conversations.
  await expect(page).toHaveURL(/\/settings\/inboxes\/new\/\d+\/agents$/);
  inboxId = Number(/inboxes\/new\/(\d+)\/agents/.exec(page.url())![1]);
  await hydrated(page);
  await page.getByLabel(/ada@example\.com/).check();
  await page.getByRole("button", { name: "Add agents" }).click();

  // Step 3: the snippet, copied with the button.
  await expect(page).toHaveURL(new RegExp(`/settings/inboxes/new/${inboxId}/finish$`));
  await hydrated(page);
  const shown = await page.locator("#inbox-snippet").inputValue();
  expect(shown).toContain("/packs/js/sdk.js");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  expect(copied).toContain(`BASE_URL="${baseURL}"`);
  expect(copied).toMatch(/websiteToken: '[A-Za-z0-9]+'/);

  // The site owner pastes it into their page on another origin; a visitor chats.
  pasted = hostPage(copied);
  const site = await context.newPage();
  await site.goto(`${hostOrigin}/`);
  await expect(site.locator(SEL.bubble)).toBeVisible();
  await waitForReady(site);
  const frame = await openWidget(site);
  // The chat header names the inbox (the welcome heading belongs to the home screen).
  await expect(frame.locator(SEL.header)).toContainText(name);
  const text = `Where is my parcel ${unique()}`;
  await sendVisitorMessage(frame, text);

  // The message arrives in the dashboard.
  await page.goto(`/app/accounts/${accountId}/dashboard?assignee=all`);
  const list = page.getByRole("complementary", { name: "Conversation list" });
  // The row shows the last message, which is the inbox's email prompt after the visitor's
  // first message: find it by the new inbox's name.
  const row = list.getByRole("link", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText(text);
  expect(errors).toEqual([]);
});

test("the widget builder's preview follows the colour before it is saved", async ({ page }) => {
  expect(inboxId, "the first test created the inbox").toBeGreaterThan(0);
  await logIn(page);
  await page.goto(`/app/accounts/${accountId}/settings/inboxes/${inboxId}?tab=widget_builder`);
  await hydrated(page);
  const header = page.locator("#widget-preview .preview-header");
  await expect(header).toHaveCSS("background-color", "rgb(224, 17, 95)");

  await page.getByLabel("Widget color").fill("#00aa55");
  await expect(header).toHaveCSS("background-color", "rgb(0, 170, 85)");
  await page.getByLabel("Welcome heading").fill("Howdy");
  await expect(header.locator(".preview-title")).toHaveText("Howdy");
  await page.getByLabel("Left").check();
  await expect(page.locator("#widget-preview")).toHaveClass(/left/);
  await expect(page.locator("#builder-snippet")).toHaveValue(/window\.OneChatSettings = \{"position":"left"\}/);

  // Saved: it is still there after a reload.
  await page.getByRole("button", { name: "Update widget settings" }).click();
  await expect(page.locator("#widget-builder-form").getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await hydrated(page);
  await expect(header).toHaveCSS("background-color", "rgb(0, 170, 85)");
  await expect(header.locator(".preview-title")).toHaveText("Howdy");
});
