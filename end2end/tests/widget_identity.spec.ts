// Identifying the visitor with `$OneChat.setUser` (HMAC identity check), and Chatwoot's own
// snippet (`chatwootSettings` + `chatwootSDK.run`) working unchanged.
import { expect, test } from "./browser_log";
import {
  Api,
  HOST,
  hostEventDetails,
  hostEvents,
  hostUrl,
  identifierHash,
  openWidget,
  SEL,
  sendVisitorMessage,
  unique,
  waitForReady,
} from "./widget_support";

test("setUser with a valid identifier_hash identifies the contact; a wrong hash is refused", async ({
  browser,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget identity");
  expect(inbox.hmac_token, "the administrator sees the inbox's hmac_token").toBeTruthy();
  const id = unique();
  const identifier = `customer-${id}`;
  const email = `grace-${id}@example.com`;

  // A signed-in customer of the host site: the site computed the hash on its server.
  const good = await browser.newPage();
  await good.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(good);
  await good.evaluate(
    ({ identifier, user }) => (window as any).$OneChat.setUser(identifier, user),
    { identifier, user: { name: "Grace Hopper", email, identifier_hash: identifierHash(inbox.hmac_token, identifier) } },
  );
  await expect
    .poll(async () => (await api.searchContacts(email)).map((c) => [c.identifier, c.email, c.name]))
    .toContainEqual([identifier, email, "Grace Hopper"]);
  expect((await good.context().cookies(HOST)).some((c) => c.name === `cw_user_${inbox.website_token}`)).toBe(true);
  expect(await hostEvents(good)).not.toContain("OneChat:error");
  await good.context().close();

  // Someone else claims the same identifier without the right hash, in a fresh browser.
  const bad = await browser.newPage();
  const intruderEmail = `mallory-${id}@example.com`;
  await bad.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(bad);
  await bad.evaluate(
    ({ identifier, user }) => (window as any).$chatwoot.setUser(identifier, user),
    { identifier, user: { name: "Mallory", email: intruderEmail, identifier_hash: "0".repeat(64) } },
  );
  await expect.poll(() => hostEvents(bad)).toEqual(expect.arrayContaining(["OneChat:error", "chatwoot:error"]));
  const details = await hostEventDetails(bad, "chatwoot:error");
  console.log(`error event detail: ${JSON.stringify(details[0])}`);
  // A failed setUser forgets the user hash, so a later setUser is tried again.
  await expect
    .poll(async () => (await bad.context().cookies(HOST)).some((c) => c.name === `cw_user_${inbox.website_token}`))
    .toBe(false);

  expect(await api.searchContacts(intruderEmail)).toEqual([]);
  const contacts = await api.searchContacts(email);
  expect(contacts.map((c) => [c.identifier, c.email, c.name])).toEqual([[identifier, email, "Grace Hopper"]]);
  await bad.context().close();
});

test("Chatwoot's snippet (chatwootSettings + chatwootSDK.run) works unchanged", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Chatwoot snippet");
  await page.goto(
    hostUrl({
      token: inbox.website_token,
      base: baseURL!,
      flavor: "chatwoot",
      settings: { position: "left", type: "expanded_bubble", launcherTitle: "Talk to <b>us</b>" },
    }),
  );
  expect(await page.evaluate(() => typeof (window as any).OneChatSettings)).toBe("undefined");
  await expect.poll(() => hostEvents(page)).toContain("chatwoot:ready");
  await waitForReady(page);

  // chatwootSettings were read: a pill on the left with the title as plain text.
  const bubble = page.locator(SEL.bubble);
  await expect(bubble).toHaveText("Talk to <b>us</b>");
  expect((await bubble.boundingBox())!.x).toBeLessThan(200);

  const text = `Sent through the Chatwoot snippet ${unique()}`;
  await sendVisitorMessage(await openWidget(page), text);
  await api.conversationWith(inbox.id, text);
});
