// The website widget on a customer's page (another origin): the bubble, opening the chat window,
// a visitor's message reaching the inbox, an agent's reply arriving live, and a reload keeping
// the conversation. Runs after first_run.spec.ts, which created the administrator.
import { expect, test } from "./browser_log";
import {
  Api,
  HOST,
  hostEvents,
  hostUrl,
  openWidget,
  SEL,
  sendVisitorMessage,
  unique,
  waitForReady,
} from "./widget_support";

test("the bubble shows within 200 ms, ready fires under both names, and a click opens the chat", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget bubble", { widget_color: "#e0115f" });
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));

  const bubble = page.locator(SEL.bubble);
  await expect(bubble).toBeVisible();
  await expect(bubble).toHaveAttribute("aria-label", /.+/);
  const elapsed = await page.evaluate(async () => {
    const w = window as any;
    while (w.__bubbleVisibleAt === undefined) await new Promise((r) => requestAnimationFrame(r));
    return w.__bubbleVisibleAt - w.__sdkStart;
  });
  console.log(`bubble visible ${elapsed.toFixed(1)} ms after the sdk.js <script> was added`);
  test.info().annotations.push({ type: "bubble-visible-ms", description: elapsed.toFixed(1) });
  expect(elapsed).toBeLessThanOrEqual(200);

  expect(await page.evaluate(() => (window as any).$OneChat === (window as any).$chatwoot)).toBe(true);
  expect(await page.evaluate(() => (window as any).OneChatSDK === (window as any).chatwootSDK)).toBe(true);
  await waitForReady(page);
  expect((await hostEvents(page)).filter((name) => name.endsWith(":ready"))).toEqual([
    "OneChat:ready",
    "chatwoot:ready",
  ]);
  // `loaded` recolours the bubble with the inbox's colour; the chat stays closed until clicked.
  await expect(bubble).toHaveCSS("background-color", "rgb(224, 17, 95)");
  await expect(page.locator(SEL.iframe)).toBeHidden();
  expect(await page.locator(SEL.iframe).getAttribute("src")).toBe(
    `${baseURL}/widget?website_token=${inbox.website_token}`,
  );

  const frame = await openWidget(page);
  await expect(frame.locator(SEL.header)).toBeVisible();
  await expect.poll(() => hostEvents(page)).toContain("OneChat:opened");
  await page.locator(SEL.closeBubble).click();
  await expect(page.locator(SEL.iframe)).toBeHidden();
  await expect(bubble).toBeVisible();
  await expect.poll(() => hostEvents(page)).toContain("chatwoot:closed");
});

test("a visitor's message reaches a conversation in the inbox", async ({ page, request, baseURL }) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget message");
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);

  const text = `Hello from the website ${unique()}`;
  await sendVisitorMessage(await openWidget(page), text);

  const conversation = await api.conversationWith(inbox.id, text);
  expect(conversation.inbox_id).toBe(inbox.id);
  const message = (await api.messages(conversation.id)).find((m) => m.content === text);
  expect(message.message_type, "the visitor's message is incoming").toBe(0);
});

test("an agent's reply posted through the API appears live in the open widget", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget reply");
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);
  const frame = await openWidget(page);
  const question = `Do you ship to Norway? ${unique()}`;
  await sendVisitorMessage(frame, question);
  const conversation = await api.conversationWith(inbox.id, question);

  // The agent starts typing: the visitor sees it; a private note's typing stays hidden.
  await expect(frame.locator(SEL.typing)).toBeHidden();
  await api.post(`/conversations/${conversation.id}/toggle_typing_status`, { typing_status: "on", is_private: true });
  await page.waitForTimeout(500);
  await expect(frame.locator(SEL.typing)).toBeHidden();
  await api.post(`/conversations/${conversation.id}/toggle_typing_status`, { typing_status: "on" });
  await expect(frame.locator(SEL.typing)).toBeVisible();
  await api.post(`/conversations/${conversation.id}/toggle_typing_status`, { typing_status: "off" });
  await expect(frame.locator(SEL.typing)).toBeHidden();

  const answer = `Yes, in 3 days ${unique()}`;
  await api.post(`/conversations/${conversation.id}/messages`, { content: answer, message_type: "outgoing" });

  // No reload: the reply arrives over the widget's realtime connection.
  await expect(frame.locator(SEL.agentMessage, { hasText: answer })).toBeVisible();
  await expect(frame.locator(SEL.userMessage, { hasText: question })).toBeVisible();
});

test("reloading the host page keeps the conversation", async ({ page, request, baseURL }) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget reload");
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);
  const text = `Remember me ${unique()}`;
  await sendVisitorMessage(await openWidget(page), text);
  const conversation = await api.conversationWith(inbox.id, text);

  const cookie = (await page.context().cookies(HOST)).find((c) => c.name === "cw_conversation");
  expect(cookie, "the widget token is kept in the host's cw_conversation cookie").toBeTruthy();
  expect(cookie!.sameSite).toBe("Lax");

  await page.reload();
  await waitForReady(page);
  // The reloaded page hands the same token to the widget, so it is the same visitor.
  expect(await page.locator(SEL.iframe).getAttribute("src")).toBe(
    `${baseURL}/widget?website_token=${inbox.website_token}&cw_conversation=${cookie!.value}`,
  );
  const frame = await openWidget(page);
  await expect(frame.locator(SEL.userMessage, { hasText: text })).toBeVisible();

  const conversations = await api.conversations(inbox.id);
  expect(conversations.map((c) => c.id)).toEqual([conversation.id]);
});
