// Importing contacts from a CSV file: the administrator opens the import page from the
// contacts list, uploads a file with good and bad rows, follows the import to its report
// (counts and the reason of each rejected row), then finds the imported contacts by search
// and by a saved segment.
// Runs after first_run.spec.ts, which created the administrator.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };

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
}

test("an administrator imports a CSV and reads its report", async ({ page, request }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (err) => pageErrors.push(err.message));
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  const accountId = user.account_id;
  const headers = { api_access_token: user.access_token };

  const run = Date.now();
  const good = `import-${run}@example.com`;
  const rows = [
    "name,email,phone_number,identifier,plan",
    `Imported Person,${good},,import-${run},pro`,
    `Second Person,second-${run}@example.com,,,free`,
    `Bad Email,not-an-email,,,`,
  ];
  // Enough rows that the import takes a few batches.
  for (let i = 0; i < 120; i++) rows.push(`Bulk ${i},bulk-${run}-${i}@example.com,,,`);
  const csv = rows.join("\n") + "\n";

  await logIn(page);
  await page.goto(`/app/accounts/${accountId}/contacts`);
  await page.locator("#contact-import-link").click();
  await expect(page).toHaveURL(`/app/accounts/${accountId}/contacts/import`);
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();

  // The sample file is offered and is a CSV.
  const sampleHref = await page
    .getByRole("link", { name: "Download a sample CSV file" })
    .getAttribute("href");
  const sample = await request.get(sampleHref!);
  expect(sample.ok()).toBeTruthy();
  expect(await sample.text()).toContain("name,email,phone_number,identifier");

  await page.getByLabel("CSV file").setInputFiles({
    name: "contacts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/app/accounts/${accountId}/contacts/imports/\\d+$`));
  await hydrated(page);

  // Progress (if still running), then the report.
  const report = page.locator("#contact-import-report");
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report.locator('[data-count="created"]')).toHaveText("122");
  await expect(report.locator('[data-count="updated"]')).toHaveText("0");
  await expect(report.locator('[data-count="rejected"]')).toHaveText("1");
  const rejected = report.getByRole("table", { name: "Rejected rows" });
  await expect(rejected.getByRole("row").nth(1)).toContainText("not-an-email");
  await expect(rejected.getByRole("row").nth(1)).toContainText("Email is invalid");
  const download = await page.locator("#contact-import-failed-download").getAttribute("href");
  const failed = await request.get(download!);
  expect(failed.ok()).toBeTruthy();
  expect(await failed.text()).toContain("Row 4: Email is invalid");

  // The imported contact is found by search, through the API and on the contacts page.
  const found = await request.get(
    `/api/v1/accounts/${accountId}/contacts/search?q=${encodeURIComponent(good)}`,
    { headers },
  );
  expect(found.ok()).toBeTruthy();
  const body = await found.json();
  expect(body.meta.count).toBe(1);
  expect(body.payload[0].name).toBe("Imported Person");
  expect(body.payload[0].custom_attributes.plan).toBe("pro");

  await page.goto(`/app/accounts/${accountId}/contacts?q=${encodeURIComponent(good)}`);
  await expect(page.getByText("Imported Person")).toBeVisible();

  // And by a saved segment: the bulk rows, opened again from the sidebar.
  await page.goto(`/app/accounts/${accountId}/contacts`);
  await hydrated(page);
  await page.getByRole("button", { name: /^Filter/ }).click();
  const dialog = page.getByRole("dialog", { name: "Filter contacts" });
  const first = dialog.getByRole("group", { name: "Condition 1" });
  await first.getByLabel("Attribute").selectOption("email");
  await first.getByLabel("Operator").selectOption("contains");
  await first.getByLabel("Value").fill(`bulk-${run}-`);
  const segment = `Bulk import ${run}`;
  await dialog.getByRole("button", { name: "Save as segment" }).click();
  await dialog.getByLabel("Segment name").fill(segment);
  await dialog.getByRole("button", { name: "Save segment" }).click();
  await expect(dialog).toHaveCount(0);
  const table = page.locator("#contacts-table");
  await expect(page.getByRole("heading", { name: segment, level: 1 })).toBeVisible();
  await expect(table.getByRole("link", { name: /Bulk \d+$/ }).first()).toBeVisible();
  await expect(table.getByRole("link", { name: "Imported Person" })).toHaveCount(0);
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await sidebar.getByRole("link", { name: "Contacts" }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole("heading", { name: segment, level: 1 })).toHaveCount(0);
  await sidebar.getByRole("link", { name: segment }).click();
  await expect(page).toHaveURL(/\/contacts\/segments\/\d+$/);
  await expect(table.getByRole("link", { name: /Bulk \d+$/ }).first()).toBeVisible();
  await expect(table.getByRole("link", { name: "Imported Person" })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("a file without a usable header comes back with the reason", async ({ page, request }) => {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  const accountId = (await signIn.json()).data.account_id;
  await logIn(page);
  await page.goto(`/app/accounts/${accountId}/contacts/import`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "names.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,city\nAda,London\n"),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\/import\?error=/);
  await expect(page.getByRole("alert")).toHaveText(
    "The header row must have an email, phone_number or identifier column",
  );
});
