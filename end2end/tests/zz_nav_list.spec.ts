// Navigation, the conversation list and message search: the sidebar's inbox and Mentions
// views, paging as the agent scrolls, and search opening a conversation. Runs after
// first_run.spec.ts, which created the administrator. Every test works in inboxes of its
// own, so conversations made by other specs do not matter.
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
const stamp = Date.now().toString(36);

test.describe.configure({ mode: "serial" });

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

type Api = {
  user: { id: number; account_id: number; access_token: string };
  headers: Record<string, string>;
  accountBase: string;
};

async function api(request: APIRequestContext): Promise<Api> {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  return {
    user,
    headers: { api_access_token: user.access_token },
    accountBase: `/api/v1/accounts/${user.account_id}`,
  };
}

async function createInbox(request: APIRequestContext, a: Api, name: string) {
  const response = await request.post(`${a.accountBase}/inboxes`, {
    headers: a.headers,
    data: { name, channel: { type: "api" } },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as { id: number; inbox_identifier: string };
}

/** A contact named `name` writes `text` in a new conversation; returns its display id. */
async function startConversation(
  request: APIRequestContext,
  inbox: { inbox_identifier: string },
  name: string,
  text: string,
): Promise<number> {
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (await request.post(`${publicBase}/contacts`, { data: { name } })).json();
  const base = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(base, { data: {} })).json();
  const message = await request.post(`${base}/${conversation.id}/messages`, {
    data: { content: text },
  });
  expect(message.ok()).toBeTruthy();
  return conversation.id;
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

test("the sidebar's inbox link narrows the list and Mentions shows a mention", async ({
  page,
  request,
}) => {
  const a = await api(request);
  const north = await createInbox(request, a, `North ${stamp}`);
  const south = await createInbox(request, a, `South ${stamp}`);
  await startConversation(request, north, `Nora North ${stamp}`, "Hello from the north");
  await startConversation(request, south, `Sam South ${stamp}`, "Hello from the south");
  const mentioned = await startConversation(
    request,
    south,
    `Mia Mention ${stamp}`,
    "Can someone senior look?",
  );
  const note = await request.post(`${a.accountBase}/conversations/${mentioned}/messages`, {
    headers: a.headers,
    data: {
      content: `[@Ada](mention://user/${a.user.id}/Ada) can you take this one?`,
      private: true,
    },
  });
  expect(note.ok()).toBeTruthy();

  await logIn(page);
  const list = page.getByRole("complementary", { name: "Conversation list" });
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await list.getByRole("navigation", { name: "Assignee" }).getByRole("link", { name: /All/ }).click();
  await expect(page).toHaveURL(/assignee=all/);
  await expect(list.getByRole("link", { name: new RegExp(`Sam South ${stamp}`) })).toBeVisible();

  // The inbox link keeps the tab and narrows the rows to the inbox.
  const northLink = sidebar.getByRole("link", { name: `North ${stamp}` });
  await northLink.click();
  await expect(page).toHaveURL(new RegExp(`assignee=all.*inbox_id=${north.id}`));
  await expect(northLink).toHaveAttribute("aria-current", "page");
  await expect(list.getByRole("link", { name: new RegExp(`Nora North ${stamp}`) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(`Sam South ${stamp}`) })).toHaveCount(0);
  await expect(list.locator(".conversation-row")).toHaveCount(1);

  // Mentions: only conversations where Ada was mentioned.
  const mentions = sidebar.getByRole("link", { name: "Mentions" });
  await mentions.click();
  await expect(page).toHaveURL(/conversation_type=mention/);
  await expect(mentions).toHaveAttribute("aria-current", "page");
  await expect(list.getByRole("heading", { name: "Mentions" })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(`Mia Mention ${stamp}`) })).toBeVisible();
  await expect(list.getByRole("link", { name: new RegExp(`Sam South ${stamp}`) })).toHaveCount(0);
  await expect(list.getByRole("link", { name: new RegExp(`Nora North ${stamp}`) })).toHaveCount(0);
});

test("scrolling to the bottom of the list loads the next page", async ({ page, request }) => {
  const a = await api(request);
  const busy = await createInbox(request, a, `Busy ${stamp}`);
  for (let n = 0; n < 30; n++) {
    await startConversation(request, busy, `Pat Page ${n} ${stamp}`, `Message number ${n}`);
  }

  await logIn(page);
  await page.goto(
    `/app/accounts/${a.user.account_id}/dashboard?assignee=all&status=open&inbox_id=${busy.id}`,
  );
  await hydrated(page);
  const list = page.getByRole("complementary", { name: "Conversation list" });
  const rows = list.locator(".conversation-row");
  await expect(rows).toHaveCount(25);
  // Without JavaScript the same is a link to two pages.
  await expect(list.getByRole("link", { name: "Load more" })).toHaveAttribute(
    "href",
    /page=2/,
  );

  await list.locator(".list-scroll").evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(rows).toHaveCount(30);
  await expect(list.getByRole("link", { name: "Load more" })).toHaveCount(0);
  // Every conversation once, in the same document (no page load).
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-display-id")));
  expect(new Set(ids).size).toBe(30);
  await expect(page).not.toHaveURL(/page=/);
});

test("search finds a message and opens its conversation", async ({ page, request }) => {
  const a = await api(request);
  const inbox = await createInbox(request, a, `Search ${stamp}`);
  const word = `zebra${stamp}`;
  const id = await startConversation(
    request,
    inbox,
    `Sol Search ${stamp}`,
    `My ${word} crossing sign fell over`,
  );
  await startConversation(request, inbox, `Other Person ${stamp}`, "Nothing to see here");

  await logIn(page);
  const box = page.getByRole("searchbox", { name: "Search messages" });
  await box.fill(word);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}`));
  const results = page.locator(".search-results");
  await expect(results.locator(".search-hit")).toHaveCount(1);
  await expect(results).toContainText(`Sol Search ${stamp}`);
  await expect(results.locator("mark")).toHaveText(word);
  await expect(page.getByText("1 conversation matches")).toBeVisible();

  await results.getByRole("link", { name: new RegExp(`Sol Search ${stamp}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}`));
  await expect(page.getByRole("list", { name: "Messages" })).toContainText(
    `My ${word} crossing sign fell over`,
  );
});
