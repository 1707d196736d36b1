// The account settings: inviting an agent with the one-time set-password link, the agent
// signing in and seeing only their inbox, a sidebar label, and the last administrator's
// protection. Runs after first_run.spec.ts, which created the administrator.
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
const carol = { name: "Carol Settings", email: "carol.settings@example.com", password: "Carol#2024" };

test.describe.configure({ mode: "serial" });

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await hydrated(page);
}

async function apiSession(request: APIRequestContext) {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  return { user, headers: { api_access_token: user.access_token } };
}

/** An API inbox with one conversation from a visitor called `visitor`. */
async function inboxWithConversation(request: APIRequestContext, name: string, visitor: string) {
  const { user, headers } = await apiSession(request);
  const accountBase = `/api/v1/accounts/${user.account_id}`;
  const inbox = await (
    await request.post(`${accountBase}/inboxes`, { headers, data: { name, channel: { type: "api" } } })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (await request.post(`${publicBase}/contacts`, { data: { name: visitor } })).json();
  const conversation = await request.post(`${publicBase}/contacts/${contact.source_id}/conversations`, {
    data: {},
  });
  expect(conversation.ok()).toBeTruthy();
  return inbox;
}

test("an invited agent sets a password with the link and sees only their inbox", async ({
  page,
  browser,
  request,
}) => {
  const { user, headers } = await apiSession(request);
  const accountBase = `/api/v1/accounts/${user.account_id}`;
  const alpha = await inboxWithConversation(request, "Settings Alpha", "Alpha Visitor");
  await inboxWithConversation(request, "Settings Beta", "Beta Visitor");

  // The administrator invites Carol from the agents page.
  await logIn(page, admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/general$/);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Agents" }).click();
  await expect(page).toHaveURL(/\/settings\/agents\/list$/);
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();
  await hydrated(page);
  await page.locator("summary", { hasText: "Add agent" }).click();
  const form = page.locator("#agent-invite-form");
  await form.getByLabel("Agent name").fill(carol.name);
  await form.getByLabel("Role").selectOption("agent");
  await form.getByLabel("Email address").fill(carol.email);
  await form.getByRole("button", { name: "Add agent" }).click();
  const link = page.locator("#agent-link-url");
  await expect(link).toHaveValue(/\/app\/auth\/password\/edit\?reset_password_token=/);
  const url = new URL(await link.inputValue());
  await expect(page.locator(`tr[data-email="${carol.email}"]`)).toContainText("Verification pending");

  // Carol is a member of one of the two inboxes.
  const agents = await (await request.get(`${accountBase}/agents`, { headers })).json();
  const carolId = agents.find((a: { email: string }) => a.email === carol.email).id;
  const members = await request.post(`${accountBase}/inbox_members`, {
    headers,
    data: { inbox_id: alpha.id, user_ids: [carolId] },
  });
  expect(members.ok()).toBeTruthy();

  // Carol, in her own browser, opens the link, chooses a password and signs in.
  const context = await browser.newContext();
  const carolPage = await context.newPage();
  await carolPage.goto(url.pathname + url.search);
  await hydrated(carolPage);
  await carolPage.getByLabel("Password", { exact: true }).fill(carol.password);
  await carolPage.getByLabel("Confirm password").fill("Mismatch#2024");
  await carolPage.getByRole("button", { name: "Set password" }).click();
  await expect(carolPage.getByRole("alert").first()).toContainText("doesn't match");
  await carolPage.getByLabel("Confirm password").fill(carol.password);
  await carolPage.getByRole("button", { name: "Set password" }).click();
  await expect(carolPage).toHaveURL(/\/app\/login/);
  await logIn(carolPage, carol);

  // Only her inbox is in the sidebar, and only its conversation is listed.
  const sidebar = carolPage.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByRole("link", { name: "Settings Alpha" })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: "Settings Beta" })).toHaveCount(0);
  await carolPage.goto(`/app/accounts/${user.account_id}/dashboard?assignee=all&status=open`);
  const list = carolPage.locator("#conversation-list");
  await expect(list).toContainText("Alpha Visitor");
  await expect(list).not.toContainText("Beta Visitor");

  // Settings: an agent gets canned responses only, and the server refuses the rest.
  await carolPage.goto(`/app/accounts/${user.account_id}/settings`);
  await expect(carolPage).toHaveURL(/\/settings\/canned-response\/list$/);
  const settingsNav = carolPage.getByRole("navigation", { name: "Settings" });
  await expect(settingsNav.getByRole("link")).toHaveText(["Canned responses"]);
  await carolPage.goto(`/app/accounts/${user.account_id}/settings/agents/list`);
  await expect(carolPage.getByRole("alert").first()).toContainText("not authorized");
  await context.close();

  // The link worked once.
  const reused = await browser.newContext();
  const reusedPage = await reused.newPage();
  await reusedPage.goto(url.pathname + url.search);
  await hydrated(reusedPage);
  await reusedPage.getByLabel("Password", { exact: true }).fill("Another#2024");
  await reusedPage.getByLabel("Confirm password").fill("Another#2024");
  await reusedPage.getByRole("button", { name: "Set password" }).click();
  await expect(reusedPage.getByRole("alert").first()).toContainText("invalid or has expired");
  await reused.close();
});

test("a label shown on the sidebar appears in the sidebar", async ({ page, request }) => {
  const { user } = await apiSession(request);
  await logIn(page, admin);
  await page.goto(`/app/accounts/${user.account_id}/settings/labels/list`);
  await hydrated(page);
  await page.locator("summary", { hasText: "Add label" }).click();
  const form = page.locator("#label-create-form");
  await form.getByLabel("Label name").fill("has space");
  await form.getByRole("button", { name: "Create label" }).click();
  await expect(form.getByRole("alert")).toHaveText("Title is invalid");
  await form.getByLabel("Label name").fill("Settings-VIP");
  await form.getByLabel("Description").fill("Customers who pay the most");
  await expect(form.getByLabel("Show label on sidebar")).toBeChecked();
  await form.getByRole("button", { name: "Create label" }).click();
  await expect(page.locator('tr[data-label="settings-vip"]')).toContainText("Shown");

  await page.reload();
  const labels = page.getByRole("navigation", { name: "Main" }).getByRole("region", { name: "Labels" });
  await expect(labels.getByRole("link", { name: "settings-vip" })).toBeVisible();
});

test("the last administrator cannot remove or demote themselves", async ({ page, request }) => {
  const { user } = await apiSession(request);
  await logIn(page, admin);
  await page.goto(`/app/accounts/${user.account_id}/settings/agents/list`);
  await hydrated(page);
  const own = page.locator(`tr[data-email="${admin.email}"]`);
  await expect(own).toContainText("Administrator");
  await expect(own.locator("summary", { hasText: "Delete" })).toHaveCount(0);
  await own.locator("summary", { hasText: "Edit" }).click();
  await own.getByLabel("Role").selectOption("agent");
  await own.getByRole("button", { name: "Update" }).click();
  await expect(own.getByRole("alert").first()).toContainText(
    "the account needs at least one administrator",
  );
  await page.reload();
  await expect(page.locator(`tr[data-email="${admin.email}"]`)).toContainText("Administrator");
});
