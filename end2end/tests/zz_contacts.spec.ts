// The contacts section: create, search, edit, an AND filter saved as a segment and opened
// from the sidebar, merging two contacts, and deleting one.
// Runs after first_run.spec.ts, which created the administrator.
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
const run = Date.now().toString(36);

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function apiSession(request: APIRequestContext) {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  return {
    headers: { api_access_token: user.access_token },
    accountBase: `/api/v1/accounts/${user.account_id}`,
  };
}

async function logIn(page: Page) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard/);
  await hydrated(page);
}

test("contacts: create, search, edit, segment, merge, delete", async ({ page, request }) => {
  const { headers, accountBase } = await apiSession(request);
  const make = async (data: Record<string, unknown>) => {
    const created = await request.post(`${accountBase}/contacts`, { headers, data });
    expect(created.ok()).toBeTruthy();
    return (await created.json()).payload.contact;
  };
  await make({ name: `Zed London ${run}`, email: `zl-${run}@example.com`, additional_attributes: { city: "London" } });
  await make({ name: `Zed Paris ${run}`, email: `zp-${run}@example.com`, additional_attributes: { city: "Paris" } });
  const duplicate = await make({ name: `Dup ${run}`, phone_number: "+15550001111" });

  await logIn(page);
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await sidebar.getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole("heading", { name: "Contacts", level: 1 })).toBeVisible();
  await hydrated(page);

  // Create a contact; its page opens.
  const name = `Mae Jemison ${run}`;
  await page.locator("summary", { hasText: "New contact" }).click();
  const form = page.locator("#new-contact-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Email").fill(`mae-${run}@example.com`);
  await form.getByLabel("City").fill("Decatur");
  await form.getByRole("button", { name: "Create contact" }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const maeUrl = page.url();

  // Find it by search.
  await sidebar.getByRole("link", { name: "Contacts" }).click();
  await page.getByLabel("Search contacts").fill(`mae-${run}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=mae-/);
  const table = page.locator("#contacts-table");
  await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(1);

  // Edit it.
  await table.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await hydrated(page);
  const renamed = `Mae C. Jemison ${run}`;
  await page.locator("summary", { hasText: "Edit contact" }).click();
  const edit = page.locator("#contact-edit-form");
  await edit.getByLabel("Name", { exact: true }).fill(renamed);
  await edit.getByLabel("Company").fill("NASA");
  await edit.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
  await expect(page.locator("#contact-details")).toContainText("NASA");

  // An AND filter, saved as a segment.
  await sidebar.getByRole("link", { name: "Contacts" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: /^Filter/ }).click();
  const dialog = page.getByRole("dialog", { name: "Filter contacts" });
  await expect(dialog).toBeVisible();
  const first = dialog.getByRole("group", { name: "Condition 1" });
  await first.getByLabel("Attribute").selectOption("name");
  await first.getByLabel("Operator").selectOption("contains");
  await first.getByLabel("Value").fill(`zed`);
  await dialog.getByRole("button", { name: "Add condition" }).click();
  const second = dialog.getByRole("group", { name: "Condition 2" });
  await second.getByLabel("Attribute").selectOption("city");
  await second.getByLabel("Operator").selectOption("equal_to");
  await second.getByLabel("Value").fill("London");
  await expect(first.getByLabel("Join with the next condition")).toHaveValue("and");
  const segment = `Londoners ${run}`;
  await dialog.getByRole("button", { name: "Save as segment" }).click();
  await dialog.getByLabel("Segment name").fill(segment);
  await dialog.getByRole("button", { name: "Save segment" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/contacts\/segments\/\d+$/);
  await expect(page.getByRole("heading", { name: segment, level: 1 })).toBeVisible();
  await expect(table.getByRole("link", { name: `Zed London ${run}` })).toBeVisible();
  await expect(table.getByRole("link", { name: `Zed Paris ${run}` })).toHaveCount(0);

  // Leave, then open the segment from the sidebar: the same rows.
  await sidebar.getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(table.getByRole("link", { name: `Zed Paris ${run}` })).toBeVisible();
  const link = sidebar.getByRole("link", { name: segment });
  await link.click();
  await expect(page).toHaveURL(/\/contacts\/segments\/\d+$/);
  await expect(link).toHaveAttribute("aria-current", "page");
  await expect(table.getByRole("link", { name: `Zed London ${run}` })).toBeVisible();
  await expect(table.getByRole("link", { name: `Zed Paris ${run}` })).toHaveCount(0);

  // Merge the duplicate into Mae: found by search, confirmed, then gone.
  await page.goto(maeUrl);
  await hydrated(page);
  await page.locator("summary", { hasText: "Merge" }).click();
  await page.getByLabel("Find the contact to merge").fill(`Dup ${run}`);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: new RegExp(`Dup ${run}`) }).click();
  await expect(page.locator("#merge-confirm")).toContainText(`Merge Dup ${run} into this contact?`);
  await page.getByRole("button", { name: "Merge contacts" }).click();
  await expect(page).toHaveURL(new RegExp(`${maeUrl.replace(/^https?:\/\/[^/]+/, "")}$`));
  await expect(page.locator("#contact-details")).toContainText("+15550001111");
  await expect
    .poll(async () => (await request.get(`${accountBase}/contacts/${duplicate.id}`, { headers })).status())
    .toBe(404);

  // Delete Mae after confirming; back on the list, she is gone.
  await hydrated(page);
  await page.locator("summary", { hasText: "Delete contact" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.getByLabel("Search contacts").fill(`mae-${run}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator("#contacts-page [role=status]")).toContainText("No contacts match");

  // Delete the segment from the sidebar.
  await page.goto(page.url().replace(/\?.*$/, ""));
  await hydrated(page);
  await sidebar.getByRole("button", { name: `Delete segment ${segment}` }).click();
  await expect(sidebar.getByRole("link", { name: segment })).toHaveCount(0);
});
