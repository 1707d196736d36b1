// The reply box's tools: emoji, attachments, template variables, rich text and `@` mentions
// in private notes. Runs after first_run.spec.ts, which created the administrator; the canned
// response picker is covered by zz_dashboard_actions.spec.ts (checked here only next to the
// other pickers, with a variable in it).
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
const rosa = { name: "Rosa Reply", email: "rosa.reply@example.com", password: "Passw0rd!" };

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function signIn(request: APIRequestContext, who: { email: string; password: string }) {
  const response = await request.post("/auth/sign_in", { data: who });
  expect(response.ok()).toBeTruthy();
  return (await response.json()).data;
}

test("the reply box sends emoji, files, variables, markdown and mentions", async ({
  page,
  request,
}) => {
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(err.message));

  const user = await signIn(request, admin);
  const headers = { api_access_token: user.access_token };
  const accountBase = `/api/v1/accounts/${user.account_id}`;
  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: "Reply box check", channel: { type: "api" } },
    })
  ).json();

  // A second agent, member of the inbox, to mention.
  const created = await request.post(`${accountBase}/agents`, {
    headers,
    data: { name: rosa.name, email: rosa.email, role: "agent", password: rosa.password },
  });
  expect(created.ok()).toBeTruthy();
  const rosaUser = await created.json();
  const members = await request.post(`${accountBase}/inbox_members`, {
    headers,
    data: { inbox_id: inbox.id, user_ids: [rosaUser.id] },
  });
  expect(members.ok()).toBeTruthy();
  const rosaToken = (await signIn(request, rosa)).access_token;

  const canned = await request.post(`${accountBase}/canned_responses`, {
    headers,
    data: { short_code: "replyhello", content: "Hello {{ contact.first_name || 'there' }}!" },
  });
  expect(canned.ok()).toBeTruthy();

  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: "Mary Winston" } })
  ).json();
  const conversationsBase = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(conversationsBase, { data: {} })).json();
  await request.post(`${conversationsBase}/${conversation.id}/messages`, {
    data: { content: "Hello, anyone there?" },
  });
  const messages = async () =>
    (
      await (
        await request.get(`${accountBase}/conversations/${conversation.id}/messages`, {
          headers,
        })
      ).json()
    ).payload as Array<{ content: string; private: boolean; attachments?: unknown[] }>;
  const sent = async (content: string) =>
    expect.poll(async () => (await messages()).find((m) => m.content === content)).toBeTruthy();

  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await page.goto(`/app/accounts/${user.account_id}/conversations/${conversation.id}`);
  await hydrated(page);
  const box = page.getByRole("textbox", { name: "Message" });

  // A canned response (picked with `/` and Enter, next to the other pickers) has its
  // variables replaced too.
  await box.pressSequentially("/replyhel");
  await expect(
    page.getByRole("listbox", { name: "Canned responses" }).getByRole("option", { name: /replyhello/ }),
  ).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("Hello {{ contact.first_name || 'there' }}!");
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await sent("Hello Mary!");

  // Emoji: search, reach the grid with the keyboard, Enter inserts at the cursor.
  await box.fill("Great ");
  await page.getByRole("button", { name: "Insert emoji" }).click();
  const picker = page.getByRole("dialog", { name: "Emoji" });
  await picker.getByRole("searchbox", { name: "Search emoji" }).fill("thumbs up");
  await picker.getByRole("searchbox", { name: "Search emoji" }).press("ArrowDown");
  await expect(picker.getByRole("button", { name: "thumbs up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(picker).toHaveCount(0);
  await expect(box).toHaveValue("Great 👍");

  // A file: chip with name and size, sent with the message.
  await page.locator("#reply-file-input").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("hello from playwright"),
  });
  const chips = page.locator("#reply-form").getByRole("list", { name: "Files to send" });
  await expect(chips.getByRole("listitem")).toHaveCount(1);
  await expect(chips).toContainText("notes.txt");
  await expect(chips).toContainText("21 B");
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(chips.getByRole("listitem")).toHaveCount(0);
  await sent("Great 👍");
  const withFile = (await messages()).find((m) => m.content === "Great 👍");
  expect(withFile?.attachments).toHaveLength(1);

  // A file over the limit is refused in the browser, with the reason.
  await page.locator("#reply-file-input").setInputFiles({
    name: "huge.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(28 * 1024 * 1024 + 1, 1),
  });
  await expect(
    page.locator("#reply-form").getByText("Attachments can be at most 28 MB together."),
  ).toBeVisible();
  await expect(chips.getByRole("listitem")).toHaveCount(0);

  // Template variables, with a fallback for the missing phone number; `{{` offers the list,
  // and names OneChat does not know are pointed out.
  await box.fill("Hi {{ contact.first_name || 'there' }}, we call {{contact.phone_number || 'you'}} from ");
  await box.press("End");
  await box.pressSequentially("{{inbox.na");
  const variables = page.getByRole("listbox", { name: "Template variables" });
  await expect(variables.getByRole("option", { name: "{{inbox.name}}" })).toBeVisible();
  await box.press("Enter");
  await expect(variables).toHaveCount(0);
  await expect(box).toHaveValue(
    "Hi {{ contact.first_name || 'there' }}, we call {{contact.phone_number || 'you'}} from {{inbox.name}}",
  );
  await box.pressSequentially(" {{order.id}}");
  await expect(page.getByRole("status").filter({ hasText: "Unknown variable: order.id" })).toBeVisible();
  for (let i = 0; i < " {{order.id}}".length; i++) await box.press("Backspace");
  await box.press("Enter");
  await sent("Hi Mary, we call you from Reply box check");

  // Rich text: the toolbar and Ctrl+B put markdown around the selection.
  await page.getByRole("button", { name: "Rich text" }).click();
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await box.fill("important");
  await box.selectText();
  await box.press("Control+b");
  await expect(box).toHaveValue("**important**");
  await box.press("End");
  await box.pressSequentially(" see ");
  await page.getByRole("button", { name: "Code", exact: true }).click();
  await expect(box).toHaveValue("**important** see `code`");
  await box.press("Enter");
  await sent("**important** see `code`");

  // `@` in a private note lists the agents; the note mentions Rosa, who is notified.
  await page.getByRole("radio", { name: "Private note" }).check();
  await box.pressSequentially("Please check @Ros");
  const mentions = page.getByRole("listbox", { name: "Mention an agent" });
  await expect(mentions.getByRole("option", { name: "@Rosa Reply" })).toBeVisible();
  await box.press("Enter");
  await expect(mentions).toHaveCount(0);
  await expect(box).toHaveValue("Please check @Rosa Reply ");
  await box.pressSequentially("thanks");
  await box.press("Enter");
  const markup = `Please check [@Rosa Reply](mention://user/${rosaUser.id}/Rosa%20Reply) thanks`;
  await sent(markup);
  const note = (await messages()).find((m) => m.content === markup);
  expect(note?.private).toBe(true);
  await expect
    .poll(async () => {
      const listed = await (
        await request.get(`${accountBase}/notifications`, {
          headers: { api_access_token: rosaToken },
        })
      ).json();
      return listed.data.payload.some(
        (n: { notification_type: string; primary_actor_id: number }) =>
          n.notification_type === "conversation_mention" &&
          n.primary_actor_id === conversation.id,
      );
    })
    .toBe(true);

  expect(consoleErrors).toEqual([]);
});
