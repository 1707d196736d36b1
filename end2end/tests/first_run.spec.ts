// The first run of a new installation: the setup page, then logging out and in again.
// Specs share one server and run in file order; this one must run first.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = {
  account: "Acme Support",
  name: "Ada Lovelace",
  email: "ada@example.com",
  password: "Passw0rd!",
};

async function hydrated(page: Page) {
  // Set by an Effect, which only runs in the browser once the WASM bundle has hydrated.
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

test.describe.configure({ mode: "serial" });

test("the setup page is server-rendered and refuses a weak password", async ({ page, request }) => {
  const html = await (await request.get("/", { headers: { accept: "text/html" } })).text();
  expect(html).toContain('id="setup-form"');
  expect(html).toContain("Welcome to OneChat");

  await page.goto("/");
  await hydrated(page);
  await page.getByLabel("Company name").fill(admin.account);
  await page.getByLabel("Your full name").fill(admin.name);
  await page.getByLabel("Work email").fill(admin.email);
  await page.getByLabel("Password").fill("weakpass");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert")).toContainText("uppercase");
  await expect(page).toHaveURL(/\/$/);
});

test("setup creates the administrator, who logs out and in again", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await page.getByLabel("Company name").fill(admin.account);
  await page.getByLabel("Your full name").fill(admin.name);
  await page.getByLabel("Work email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  const dashboardUrl = page.url();

  // The user menu opens on click: client-side state, so this needs a hydrated page.
  await hydrated(page);
  const menu = page.getByRole("menu");
  await expect(menu).toBeHidden();
  await page.getByRole("button", { name: "Open user menu" }).click();
  await expect(menu).toBeVisible();
  await expect(menu).toContainText(admin.email);
  await menu.getByRole("menuitem", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/app\/login$/);

  // Logged out: the workspace sends us back to the login page.
  await page.goto(dashboardUrl);
  await expect(page).toHaveURL(/\/app\/login$/);

  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("Wrong-passw0rd");
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page.getByRole("alert")).toHaveText("Invalid login credentials. Please try again.");

  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(dashboardUrl);
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

  // The dashboard shell comes rendered from the server: the HTML itself has the sidebar.
  const html = await (await page.request.get(dashboardUrl, { headers: { accept: "text/html" } })).text();
  expect(html).toContain('id="sidebar"');
  expect(html).toContain(admin.account);
});

test("without JavaScript the pages still work but the menu needs hydration", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/app/login");
  // A wrong password comes back to the form with the reason, not as a page of JSON.
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("Not-the-password1!");
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/login\?/);
  await expect(page.getByRole("alert")).toHaveText("Invalid login credentials. Please try again.");

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.getByRole("button", { name: "Open user menu" }).click();
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  await context.close();
});

test("the first-run page is gone once an account exists", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/app\/login$/);
});
