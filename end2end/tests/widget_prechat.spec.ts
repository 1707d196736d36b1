// The pre-chat form: required fields are checked before anything is sent, and a valid form starts
// a conversation whose contact carries the email and name the visitor typed.
import { expect, test } from "./browser_log";
import { Api, hostUrl, openWidget, SEL, unique, waitForReady } from "./widget_support";

const preChatFormOptions = {
  pre_chat_message: "Tell us who you are",
  pre_chat_fields: [
    { field_type: "standard", label: "Email Id", name: "emailAddress", type: "email", required: true, enabled: true },
    { field_type: "standard", label: "Full name", name: "fullName", type: "text", required: true, enabled: true },
    { field_type: "standard", label: "Phone number", name: "phoneNumber", type: "text", required: false, enabled: false },
  ],
};

test("the pre-chat form refuses empty required fields and creates the contact when valid", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget pre-chat", {
    pre_chat_form_enabled: true,
    pre_chat_form_options: preChatFormOptions,
  });
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);
  const frame = await openWidget(page);

  const form = frame.locator(SEL.preChatForm);
  await expect(form).toBeVisible();
  await expect(frame.locator(SEL.preChatField("emailAddress"))).toBeVisible();
  await expect(frame.locator(SEL.preChatField("fullName"))).toBeVisible();
  await expect(frame.locator(SEL.preChatField("phoneNumber")), "disabled fields are not shown").toHaveCount(0);

  await frame.locator(SEL.preChatSubmit).click();
  // One error under each empty required field (email and name, maybe the message too).
  await expect(frame.locator(SEL.preChatErrors).first()).toBeVisible();
  expect(await frame.locator(SEL.preChatErrors).count()).toBeGreaterThanOrEqual(2);
  await expect(form, "nothing was sent: the form is still there").toBeVisible();
  expect(await api.conversations(inbox.id)).toEqual([]);

  const id = unique();
  const email = `lin-${id}@example.com`;
  const name = `Lin ${id}`;
  const text = `I need help with my order ${id}`;
  await frame.locator(SEL.preChatField("emailAddress")).fill(email);
  await frame.locator(SEL.preChatField("fullName")).fill(name);
  await frame.locator(SEL.preChatMessage).fill(text);
  await frame.locator(SEL.preChatSubmit).click();

  await expect(frame.locator(SEL.userMessage, { hasText: text })).toBeVisible();
  const conversation = await api.conversationWith(inbox.id, text);
  await expect
    .poll(async () => (await api.searchContacts(email)).map((c) => [c.email, c.name]))
    .toEqual([[email, name]]);
  // …and it is that contact's conversation.
  await expect
    .poll(async () => {
      const listed = (await api.conversations(inbox.id)).find((c) => c.id === conversation.id);
      return [listed?.meta?.sender?.email, listed?.meta?.sender?.name];
    })
    .toEqual([email, name]);
});
