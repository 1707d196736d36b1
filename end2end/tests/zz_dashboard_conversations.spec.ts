// The agent dashboard's conversation workspace: the list, the thread, live updates over
// /cable and replying. Runs last (file order): first_run.spec.ts created the administrator.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };

// The no-JavaScript test opens the conversation the first one created.
test.describe.configure({ mode: "serial" });

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

test("an agent sees a conversation, receives a visitor message live and replies", async ({
  page,
  request,
}) => {
  // Hydration mismatches and panics surface as console errors.
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(err.message));

  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  const headers = { api_access_token: user.access_token };
  const accountBase = `/api/v1/accounts/${user.account_id}`;

  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: "Dashboard check", channel: { type: "api" } },
    })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: "Katherine Johnson" } })
  ).json();
  const conversationsBase = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(conversationsBase, { data: {} })).json();
  const first = await request.post(`${conversationsBase}/${conversation.id}/messages`, {
    data: { content: "Is orbit insertion on schedule?" },
  });
  expect(first.ok()).toBeTruthy();

  // Sign in through the login page.
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await expect(page).toHaveTitle(/Conversations/);

  // The new conversation is unassigned: it is under All and Unassigned, not Mine.
  const list = page.getByRole("complementary", { name: "Conversation list" });
  await list.getByRole("navigation", { name: "Assignee" }).getByRole("link", { name: /All/ }).click();
  await expect(page).toHaveURL(/assignee=all/);
  const row = list.getByRole("link", { name: /Katherine Johnson/ });
  await expect(row).toContainText("Is orbit insertion on schedule?");
  await expect(row).toContainText("Dashboard check");

  await row.click();
  await expect(page).toHaveURL(
    new RegExp(`/app/accounts/${user.account_id}/conversations/${conversation.id}\\?`),
  );
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("Is orbit insertion on schedule?");
  await hydrated(page);

  // A new visitor message arrives over /cable, without a reload.
  await page.evaluate(() => ((window as any).sameDocument = true));
  const live = await request.post(`${conversationsBase}/${conversation.id}/messages`, {
    data: { content: "Checking in again from mission control" },
  });
  expect(live.ok()).toBeTruthy();
  await expect(thread).toContainText("Checking in again from mission control");
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  // The list follows too: the row previews the newest message.
  await expect(row).toContainText("Checking in again from mission control");

  // The agent replies with Enter.
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("Yes, all systems go.");
  await box.press("Enter");
  await expect(thread).toContainText("Yes, all systems go.");
  await expect(box).toHaveValue("");
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);

  const messages = await (
    await request.get(`${accountBase}/conversations/${conversation.id}/messages`, { headers })
  ).json();
  const reply = messages.payload.find((m: { content: string }) => m.content === "Yes, all systems go.");
  expect(reply).toMatchObject({ message_type: 1, private: false });

  // A conversation started elsewhere shows up in the list without a reload.
  const other = await (
    await request.post(`${publicBase}/contacts`, { data: { name: "Dorothy Vaughan" } })
  ).json();
  await request.post(`${publicBase}/contacts/${other.source_id}/conversations`, { data: {} });
  await expect(list.getByRole("link", { name: /Dorothy Vaughan/ })).toBeVisible();

  // Resolve, then reopen.
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByRole("button", { name: "Resolve" })).toBeVisible();
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test("without JavaScript the list and thread are server-rendered and replying works", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/app/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);

  const list = page.getByRole("complementary", { name: "Conversation list" });
  await list.getByRole("navigation", { name: "Assignee" }).getByRole("link", { name: /All/ }).click();
  await list.getByRole("link", { name: /Katherine Johnson/ }).click();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("Yes, all systems go.");

  await page.getByRole("radio", { name: "Private note" }).check();
  await page.getByRole("textbox", { name: "Message" }).fill("Sent without JavaScript");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(thread).toContainText("Sent without JavaScript");
  await expect(thread.locator(".private-note")).toContainText("Sent without JavaScript");
  await context.close();
});
