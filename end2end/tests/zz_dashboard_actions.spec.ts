// The conversation header's actions (snooze, resolve, assign, labels) and the reply box's
// canned-response picker. Runs after first_run.spec.ts, which created the administrator.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };

// The no-JavaScript test changes the conversation the first one created.
test.describe.configure({ mode: "serial" });
let opened = "";

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

test("an agent snoozes, resolves, assigns, labels and answers with a canned response", async ({
  page,
  request,
}) => {
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
      data: { name: "Actions check", channel: { type: "api" } },
    })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: "Mary Jackson" } })
  ).json();
  const conversationsBase = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(conversationsBase, { data: {} })).json();
  const first = await request.post(`${conversationsBase}/${conversation.id}/messages`, {
    data: { content: "Where is my wind tunnel report?" },
  });
  expect(first.ok()).toBeTruthy();
  const canned = await request.post(`${accountBase}/canned_responses`, {
    headers,
    data: { short_code: "reportsent", content: "The report went out this morning." },
  });
  expect(canned.ok()).toBeTruthy();
  const label = await request.post(`${accountBase}/labels`, {
    headers,
    data: { title: "wind-tunnel" },
  });
  expect(label.ok()).toBeTruthy();
  opened = `/app/accounts/${user.account_id}/conversations/${conversation.id}`;
  const show = async () =>
    (await request.get(`${accountBase}/conversations/${conversation.id}`, { headers })).json();

  // Opening a conversation by client-side navigation once logged tachys "insertBefore"
  // mount warnings: the contact panel's list rebuilt while its transition held it off the page.
  const mountWarnings: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("insertBefore")) mountWarnings.push(message.text());
  });

  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);

  // Open the conversation from the All tab of the open conversations.
  const list = page.getByRole("complementary", { name: "Conversation list" });
  const tabs = list.getByRole("navigation", { name: "Assignee" });
  await tabs.getByRole("link", { name: /All/ }).click();
  await expect(page).toHaveURL(/assignee=all/);
  const allCount = tabs.getByRole("link", { name: /All/ }).locator(".tab-count");
  const mineCount = tabs.getByRole("link", { name: /Mine/ }).locator(".tab-count");
  const row = list.getByRole("link", { name: /Mary Jackson/ });
  await row.click();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("Where is my wind tunnel report?");
  await hydrated(page);
  await page.evaluate(() => ((window as any).sameDocument = true));
  const allBefore = Number(await allCount.textContent());
  const mineBefore = Number(await mineCount.textContent());

  // Snooze until tomorrow: the conversation leaves the open list.
  await page.getByText("Snooze", { exact: true }).click();
  await page.getByRole("button", { name: "Until tomorrow" }).click();
  await expect.poll(async () => (await show()).status).toBe("snoozed");
  expect((await show()).snoozed_until).not.toBeNull();
  await expect(allCount).toHaveText(String(allBefore - 1));
  await expect(row).toHaveCount(0);

  // Reopen, then resolve.
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect.poll(async () => (await show()).status).toBe("open");
  await expect(allCount).toHaveText(String(allBefore));

  // Assign Ada through the header: Mine counts it.
  const assignee = page.getByRole("combobox", { name: "Assignee" });
  await assignee.selectOption(String(user.id));
  await page.getByRole("button", { name: "Save assignee" }).click();
  await expect.poll(async () => (await show()).meta.assignee?.id).toBe(user.id);
  await expect(mineCount).toHaveText(String(mineBefore + 1));
  await expect(assignee).toHaveValue(String(user.id));

  await page.getByRole("button", { name: "Resolve" }).click();
  await expect.poll(async () => (await show()).status).toBe("resolved");
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();

  // Label it.
  await page.getByRole("checkbox", { name: "wind-tunnel" }).check();
  await page.getByRole("button", { name: "Save labels" }).click();
  await expect.poll(async () => (await show()).labels).toEqual(["wind-tunnel"]);
  await expect(page.getByRole("checkbox", { name: "wind-tunnel" })).toBeChecked();

  // Raise the priority.
  await page.getByRole("combobox", { name: "Priority" }).selectOption("high");
  await page.getByRole("button", { name: "Save priority" }).click();
  await expect.poll(async () => (await show()).priority).toBe("high");
  await expect(page.getByRole("combobox", { name: "Priority" })).toHaveValue("high");

  // `/` + short code offers the canned response; picking it fills the box, Enter sends it.
  const box = page.getByRole("textbox", { name: "Message" });
  const picker = page.getByRole("listbox", { name: "Canned responses" });
  // A draft typed while the thread re-rendered after an action was once seen to vanish
  // (alongside the mount warnings checked below). Type again if it did; the picker itself
  // must still work.
  await expect(async () => {
    await box.fill("");
    await box.pressSequentially("/report");
    await expect(picker.getByRole("option", { name: /reportsent/ })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20000 });
  await picker.getByRole("option", { name: /reportsent/ }).click();
  await expect(box).toHaveValue("The report went out this morning.");
  await expect(picker).toHaveCount(0);
  await box.press("Enter");
  await expect(thread).toContainText("The report went out this morning.");
  await expect(box).toHaveValue("");
  expect(mountWarnings).toEqual([]);

  const messages = await (
    await request.get(`${accountBase}/conversations/${conversation.id}/messages`, { headers })
  ).json();
  const reply = messages.payload.find(
    (m: { content: string }) => m.content === "The report went out this morning.",
  );
  expect(reply).toMatchObject({ message_type: 1, private: false });
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test("without JavaScript the status, label and priority forms still work", async ({
  browser,
  request,
}) => {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  const user = (await signIn.json()).data;
  const headers = { api_access_token: user.access_token };
  const show = async () =>
    (
      await request.get(`/api/v1/${opened.replace("/app/", "")}`, { headers })
    ).json();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/app/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await page.goto(opened);

  await page.getByRole("button", { name: "Mark as pending" }).click();
  await expect(page.locator(".status-badge")).toHaveText("pending");
  expect((await show()).status).toBe("pending");

  // Unchecking the only label sends no label at all: the labels are cleared.
  await page.getByRole("checkbox", { name: "wind-tunnel" }).uncheck();
  await page.getByRole("button", { name: "Save labels" }).click();
  await expect(page.getByRole("checkbox", { name: "wind-tunnel" })).not.toBeChecked();
  expect((await show()).labels).toEqual([]);

  await page.getByRole("combobox", { name: "Priority" }).selectOption("urgent");
  await page.getByRole("button", { name: "Save priority" }).click();
  await expect(page.getByRole("combobox", { name: "Priority" })).toHaveValue("urgent");
  expect((await show()).priority).toBe("urgent");
  await context.close();
});
