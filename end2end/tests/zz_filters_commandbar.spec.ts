// The advanced filter builder with saved views ("Folders"), and the command bar (Ctrl+K).
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
    user,
    headers: { api_access_token: user.access_token },
    accountBase: `/api/v1/accounts/${user.account_id}`,
  };
}

/** An API inbox with one conversation from `contactName`; returns both. */
async function inboxWithConversation(
  request: APIRequestContext,
  accountBase: string,
  headers: Record<string, string>,
  inboxName: string,
  contactName: string,
) {
  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: inboxName, channel: { type: "api" } },
    })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: contactName } })
  ).json();
  const base = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(base, { data: {} })).json();
  const message = await request.post(`${base}/${conversation.id}/messages`, {
    data: { content: `Hello from ${contactName}` },
  });
  expect(message.ok()).toBeTruthy();
  return { inbox, conversation };
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

test("the filter builder narrows the list and saves it as a view", async ({ page, request }) => {
  const { headers, accountBase } = await apiSession(request);
  const alphaInbox = `Filter Alpha ${run}`;
  const alphaName = `Fiona Alpha ${run}`;
  const betaName = `Gus Beta ${run}`;
  await inboxWithConversation(request, accountBase, headers, alphaInbox, alphaName);
  await inboxWithConversation(request, accountBase, headers, `Filter Beta ${run}`, betaName);

  await logIn(page);
  const list = page.getByRole("complementary", { name: "Conversation list" });
  // Both show in the All tab before filtering.
  await list.getByRole("navigation", { name: "Assignee" }).getByRole("link", { name: /All/ }).click();
  await expect(list.getByRole("link", { name: new RegExp(alphaName) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(betaName) })).toBeVisible();

  // Build "Inbox equal to <alpha> AND Status equal to open" with the keyboard-friendly dialog.
  await page.getByRole("button", { name: /^Filter/ }).click();
  const dialog = page.getByRole("dialog", { name: "Filter conversations" });
  await expect(dialog).toBeVisible();
  const first = dialog.getByRole("group", { name: "Condition 1" });
  await expect(first.getByLabel("Attribute")).toBeFocused();
  await first.getByLabel("Attribute").selectOption("inbox_id");
  await expect(first.getByLabel("Operator")).toHaveValue("equal_to");
  await first.getByLabel("Value").selectOption({ label: alphaInbox });
  await dialog.getByRole("button", { name: "Add condition" }).click();
  const second = dialog.getByRole("group", { name: "Condition 2" });
  await second.getByLabel("Attribute").selectOption("status");
  await second.getByLabel("Value").selectOption("open");
  await expect(first.getByLabel("Join with the next condition")).toHaveValue("and");

  // Escape closes without applying; the focus returns to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Filter/ })).toBeFocused();

  // Apply a validated filter: a missing value is reported, not sent.
  await page.getByRole("button", { name: /^Filter/ }).click();
  await dialog.getByRole("group", { name: "Condition 1" }).getByLabel("Attribute").selectOption("inbox_id");
  await dialog.getByRole("button", { name: "Apply filter" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Condition 1: enter a value for Inbox");
  await dialog.getByRole("group", { name: "Condition 1" }).getByLabel("Value").selectOption({ label: alphaInbox });
  await dialog.getByRole("button", { name: "Apply filter" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/filter=/);
  await expect(list.getByRole("link", { name: new RegExp(alphaName) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(betaName) })).toHaveCount(0);

  // Save it as a view: it opens, and shows under Folders in the sidebar.
  const viewName = `Alpha only ${run}`;
  await page.getByRole("button", { name: /^Filter/ }).click();
  await expect(dialog.getByRole("group", { name: "Condition 1" }).getByLabel("Attribute")).toHaveValue("inbox_id");
  await dialog.getByRole("button", { name: "Save as view" }).click();
  await dialog.getByLabel("View name").fill(viewName);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/view=\d+/);
  const sidebar = page.getByRole("navigation", { name: "Main" });
  const folder = sidebar.getByRole("link", { name: viewName });
  await expect(folder).toBeVisible();
  await expect(folder).toHaveAttribute("aria-current", "page");

  const saved = await (await request.get(`${accountBase}/custom_filters`, { headers })).json();
  const record = saved.find((f: { name: string }) => f.name === viewName);
  expect(record.filter_type).toBe("conversation");
  expect(record.query.payload[0].attribute_key).toBe("inbox_id");

  // Leave the view, then open it again from the sidebar: the same rows.
  await sidebar.getByRole("link", { name: "Conversations" }).click();
  await expect(page).not.toHaveURL(/filter=/);
  await folder.click();
  await expect(page).toHaveURL(new RegExp(`view=${record.id}`));
  await expect(list.getByRole("link", { name: new RegExp(alphaName) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(betaName) })).toHaveCount(0);

  // Delete it from the sidebar.
  await sidebar.getByRole("button", { name: `Delete view ${viewName}` }).click();
  await expect(sidebar.getByRole("link", { name: viewName })).toHaveCount(0);
  await expect
    .poll(async () =>
      (await (await request.get(`${accountBase}/custom_filters`, { headers })).json()).some(
        (f: { name: string }) => f.name === viewName,
      ),
    )
    .toBe(false);
});

test("the command bar assigns an agent from the keyboard", async ({ page, request }) => {
  const { headers, accountBase } = await apiSession(request);
  const agentName = `Katherine Cmdbar ${run}`;
  const created = await request.post(`${accountBase}/agents`, {
    headers,
    data: {
      name: agentName,
      email: `katherine.${run}@example.com`,
      role: "agent",
      password: "Passw0rd!",
    },
  });
  expect(created.ok()).toBeTruthy();
  const agent = await created.json();
  const { inbox, conversation } = await inboxWithConversation(
    request,
    accountBase,
    headers,
    `Command bar ${run}`,
    `Dorothy Vaughan ${run}`,
  );
  const members = await request.post(`${accountBase}/inbox_members`, {
    headers,
    data: { inbox_id: inbox.id, user_ids: [agent.id] },
  });
  expect(members.ok()).toBeTruthy();
  const show = async () =>
    (await request.get(`${accountBase}/conversations/${conversation.id}`, { headers })).json();

  await logIn(page);
  const url = new URL(page.url());
  const accountPath = url.pathname.replace(/\/dashboard.*$/, "");
  await page.goto(`${accountPath}/conversations/${conversation.id}?assignee=all&status=open`);
  await hydrated(page);
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Hello from Dorothy");

  // Ctrl+K, type the agent's name, Enter.
  await page.keyboard.press("Control+k");
  const bar = page.getByRole("dialog", { name: "Command bar" });
  const search = bar.getByRole("combobox", { name: "Search commands" });
  await expect(search).toBeFocused();
  await search.pressSequentially("Katherine");
  const option = bar.getByRole("option", { name: new RegExp(`Assign to ${agentName}`) });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(bar).toHaveCount(0);
  await expect.poll(async () => (await show()).meta.assignee?.id).toBe(agent.id);
  // The open thread shows the new assignee without a reload.
  await expect(page.getByRole("combobox", { name: "Assignee" })).toHaveValue(String(agent.id));

  // Arrow keys move, Escape closes; the shortcuts help lists Alt+J.
  await page.keyboard.press("Control+k");
  // Known issue: after an assignment re-renders the thread, the reopened palette does not
  // always get the focus in the full suite on a busy machine (the first open is checked
  // above), so click into the search box before typing.
  await search.click();
  await search.pressSequentially("assign priority");
  await page.keyboard.press("Enter");
  await expect(search).toHaveAttribute("placeholder", "Set priority…");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await show()).priority).toBe("high");
  await page.keyboard.press("Control+/");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Alt J / Alt K");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  // Alt+E resolves the open conversation.
  await page.keyboard.press("Alt+e");
  await expect.poll(async () => (await show()).status).toBe("resolved");
});
