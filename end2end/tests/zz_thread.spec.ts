// The conversation thread: attachments, markdown, deleting a message, earlier pages, mute and
// participants. Runs after first_run.spec.ts, which created the administrator.
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
// A 2×2 red PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function signIn(page: Page) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
}

/// An API inbox with one contact; `start` opens a conversation as that contact.
async function setUp(request: APIRequestContext, inboxName: string) {
  const signedIn = await request.post("/auth/sign_in", { data: admin });
  expect(signedIn.ok()).toBeTruthy();
  const user = (await signedIn.json()).data;
  const headers = { api_access_token: user.access_token };
  const accountBase = `/api/v1/accounts/${user.account_id}`;
  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: inboxName, channel: { type: "api" } },
    })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: "Katherine Johnson" } })
  ).json();
  const conversationsBase = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const start = async () => {
    const conversation = await (await request.post(conversationsBase, { data: {} })).json();
    const messages = `${conversationsBase}/${conversation.id}/messages`;
    return {
      id: conversation.id as number,
      url: `/app/accounts/${user.account_id}/conversations/${conversation.id}`,
      rest: `${accountBase}/conversations/${conversation.id}`,
      say: async (content: string) => {
        const sent = await request.post(messages, { data: { content } });
        expect(sent.ok()).toBeTruthy();
        return sent.json();
      },
      sendFile: async (content: string) => {
        const sent = await request.post(messages, {
          multipart: {
            content,
            "attachments[]": { name: "orbit.png", mimeType: "image/png", buffer: PNG },
          },
        });
        expect(sent.ok(), await sent.text()).toBeTruthy();
        return sent.json();
      },
    };
  };
  return { user, headers, accountBase, start };
}

test("a thread shows files and formatting, and an agent deletes a reply", async ({
  page,
  request,
}) => {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  const { headers, start } = await setUp(request, "Thread check");
  const conversation = await start();
  await conversation.sendFile("Here is the orbit plot");
  await conversation.say("This is **very important** and `exact`. <b>not bold</b>");
  const reply = await (
    await request.post(`${conversation.rest}/messages`, {
      headers,
      data: { content: "Sent to the wrong contact" },
    })
  ).json();

  await signIn(page);
  await page.goto(conversation.url);
  await hydrated(page);
  const thread = page.getByRole("list", { name: "Messages" });

  // The image is a thumbnail that opens the full file in a new tab.
  const thumbnail = thread.locator(".attachment-image img");
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveAttribute("alt", "orbit.png");
  await expect(thread.locator(".attachment-image")).toHaveAttribute("target", "_blank");
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(2);

  // Markdown is formatted; raw HTML stays text.
  await expect(thread.locator("strong", { hasText: "very important" })).toBeVisible();
  await expect(thread.locator("code", { hasText: "exact" })).toBeVisible();
  await expect(thread.locator("b", { hasText: "not bold" })).toHaveCount(0);
  await expect(thread).toContainText("<b>not bold</b>");

  // Delete the agent's reply: menu, Delete, confirm.
  const item = thread.locator(`li[data-message-id="${reply.id}"]`);
  await expect(item).toContainText("Sent to the wrong contact");
  await expect(item.locator(".delivery")).toContainText("Sent");
  await item.getByLabel("Message actions").click();
  await item.getByText("Delete", { exact: true }).click();
  await item.getByRole("button", { name: "Yes, delete" }).click();
  await expect(item).toContainText("This message was deleted");
  const stored = await (await request.get(`${conversation.rest}/messages`, { headers })).json();
  const deleted = stored.payload.find((m: { id: number }) => m.id === reply.id);
  expect(deleted.content_attributes.deleted).toBe(true);
  // The contact's messages have no delete menu.
  await expect(thread.locator(".message.incoming .message-menu")).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("scrolling up loads earlier messages and keeps them through live updates", async ({
  page,
  request,
}) => {
  const { start } = await setUp(request, "History check");
  const conversation = await start();
  for (let i = 1; i <= 40; i++) {
    await conversation.say(`History line ${i}`);
  }
  await signIn(page);
  await page.goto(conversation.url);
  await hydrated(page);
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread).toContainText("History line 40");
  await expect(thread.getByText("History line 1", { exact: true })).toHaveCount(0);

  const pane = page.locator("#thread-scroll");
  // Scroll to the top (column-reverse: the most negative scrollTop).
  const toTop = () => pane.evaluate((el) => el.scrollTo(0, -el.scrollHeight));
  await toTop();
  await expect(thread.getByText("History line 21", { exact: true })).toBeVisible();
  await toTop();
  await expect(thread.getByText("History line 1", { exact: true })).toHaveCount(1);

  // A new message arrives while the agent reads the top: earlier pages stay, and the
  // agent is told about it.
  await conversation.say("Fresh news");
  await expect(thread).toContainText("Fresh news");
  await expect(thread.getByText("History line 1", { exact: true })).toHaveCount(1);
  const jump = page.getByRole("button", { name: /New messages/ });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(thread.getByText("Fresh news")).toBeInViewport();
});

test("mute and participants change the conversation", async ({ page, request }) => {
  const { user, headers, start } = await setUp(request, "Settings check");
  const conversation = await start();
  await conversation.say("Please follow this one");
  await signIn(page);
  await page.goto(conversation.url);
  await hydrated(page);
  const show = async () => (await request.get(conversation.rest, { headers })).json();
  const participants = async () =>
    (await (await request.get(`${conversation.rest}/participants`, { headers })).json()).map(
      (a: { id: number }) => a.id,
    );

  await page.getByRole("button", { name: "Mute conversation" }).click();
  await expect.poll(async () => (await show()).muted).toBe(true);
  await expect(page.locator(".muted-badge")).toHaveText("Muted");
  await page.getByRole("button", { name: "Unmute conversation" }).click();
  await expect.poll(async () => (await show()).muted).toBe(false);
  await expect(page.getByRole("button", { name: "Mute conversation" })).toBeVisible();

  // Let the live refetches of the unmute settle: they re-create the settings forms.
  await expect(page.getByRole("list", { name: "Messages" })).toContainText(
    "has unmuted the conversation",
  );
  const ada = page
    .getByRole("group", { name: "Participants" })
    .getByRole("checkbox", { name: "Ada Lovelace" });
  await expect(async () => {
    if (!(await ada.isVisible())) await page.getByText("Edit participants").click();
    await ada.check({ timeout: 1_000 });
  }).toPass();
  await page.getByRole("button", { name: "Save participants" }).click();
  await expect.poll(participants).toEqual([user.id]);
  await expect(page.getByTestId("participant-names")).toHaveText("Ada Lovelace");

  // Transcripts: the form answers honestly that nothing was sent.
  await page.getByText("Send transcript", { exact: true }).first().click();
  // An address the server refuses comes back as the function's error, shown in place.
  await page.getByLabel("Send to email").fill("katherine@example");
  await page.locator(".settings-form").getByRole("button", { name: "Send transcript" }).click();
  await expect(page.locator(".transcript-result")).toContainText("Enter a valid email address");
  await page.getByLabel("Send to email").fill("katherine@example.com");
  await page.locator(".settings-form").getByRole("button", { name: "Send transcript" }).click();
  await expect(page.locator(".transcript-result")).toContainText("Not sent");
});
