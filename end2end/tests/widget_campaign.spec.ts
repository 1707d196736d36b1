// An ongoing campaign: shown to visitors of matching pages after their time on the page, and to
// nobody elsewhere. The host page's URL reaches the widget through sdk.js's `change-url` message.
import { Page } from "@playwright/test";
import { expect, test } from "./browser_log";
import { Api, HOST, hostUrl, SEL, sendVisitorMessage, unique, waitForReady } from "./widget_support";

const TIME_ON_PAGE_S = 3;

/** performance.now() on the host page when the widget was ready. */
const readyAt = (page: Page): Promise<number> =>
  page.evaluate(() => (window as any).__events.find((e: { name: string }) => e.name === "OneChat:ready").at);
const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

test("a campaign shows on a matching URL after its time on page, and not elsewhere", async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget campaign");
  const message = `20% off the yearly plan today ${unique()}`;
  await api.post("/campaigns", {
    title: `Pricing nudge ${unique()}`,
    message,
    inbox_id: inbox.id,
    sender_id: api.userId,
    enabled: true,
    trigger_rules: { url: `${HOST}/pricing/*`, time_on_page: TIME_ON_PAGE_S },
  });

  const pricing = await browser.newPage();
  await pricing.goto(hostUrl({ token: inbox.website_token, base: baseURL!, path: "/pricing/plans" }));
  await waitForReady(pricing);
  const ready = await readyAt(pricing);
  // The teaser, or the agent message it became once the widget ran the campaign.
  const campaign = pricing
    .frameLocator(SEL.iframe)
    .locator(`${SEL.campaign}, ${SEL.agentMessage}`, { hasText: message })
    // The pre-chat form keeps its own (hidden) copy of the teaser.
    .filter({ visible: true })
    .first();

  // Not before ~2 s on the page.
  await pricing.waitForFunction((until) => performance.now() >= until, ready + 2000);
  await expect(pricing.locator(SEL.iframe), "nothing opened before the time on page").toBeHidden();
  await expect(campaign).toBeHidden();

  // Then it appears, in the unread preview or in the opened chat window.
  await expect(campaign).toBeVisible({ timeout: 8000 });
  await expect(pricing.locator(SEL.iframe)).toBeVisible();
  const shownAfter = (await pageNow(pricing)) - ready;
  console.log(`campaign shown ${Math.round(shownAfter)} ms after the widget was ready`);
  expect(shownAfter).toBeGreaterThanOrEqual(2000);
  // Showing the teaser starts nothing on the server; the visitor's reply does.
  expect(await api.conversations(inbox.id)).toHaveLength(0);
  await campaign.click();
  await expect(pricing.locator(SEL.holder)).not.toHaveClass(/has-unread-view/);
  const reply = `Is there a student discount? ${unique()}`;
  await sendVisitorMessage(pricing.frameLocator(SEL.iframe), reply);
  const conversation = await api.conversationWith(inbox.id, reply);
  const messages = await api.messages(conversation.id);
  const opener = messages.find((m: any) => m.content === message);
  expect(opener, "the campaign message opens the conversation").toBeTruthy();
  expect(opener.message_type).toBe(1);
  expect(messages.findIndex((m: any) => m.content === message)).toBeLessThan(
    messages.findIndex((m: any) => m.content === reply),
  );
  await pricing.context().close();

  // A page the rule does not match: nothing within 5 s.
  const about = await browser.newPage();
  await about.goto(hostUrl({ token: inbox.website_token, base: baseURL!, path: "/about" }));
  await waitForReady(about);
  await about.waitForFunction((until) => performance.now() >= until, (await readyAt(about)) + 5000, {
    timeout: 10_000,
  });
  await expect(about.locator(SEL.iframe)).toBeHidden();
  await expect(about.locator(SEL.holder)).not.toHaveClass(/has-unread-view/);
  await expect(about.frameLocator(SEL.iframe).locator(SEL.campaign)).toBeHidden();
  await expect(about.frameLocator(SEL.iframe).locator(SEL.agentMessage, { hasText: message })).toBeHidden();
  await about.context().close();
});
