// Compatibility with Rails' own client: the npm package @rails/actioncable, running in
// Chromium, subscribes to /cable with pubsub tokens, receives `message.created` after a
// message is posted through the REST API, and sends `update_presence`.
// Runs after first_run.spec.ts, which created the administrator.
import { expect, test } from "./browser_log";
import { createRequire } from "node:module";

const require = createRequire(__filename);
const actionCablePath = require.resolve("@rails/actioncable/app/assets/javascripts/actioncable.js");

const admin = { email: "ada@example.com", password: "Passw0rd!" };

type Received = { event: string; data: Record<string, unknown> };

test("@rails/actioncable receives pushes and reports presence", async ({ page, request, baseURL }) => {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  const headers = { api_access_token: user.access_token };

  const inbox = await (
    await request.post(`/api/v1/accounts/${user.account_id}/inboxes`, {
      headers,
      data: { name: "ActionCable check", channel: { type: "api" } },
    })
  ).json();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (await request.post(`${publicBase}/contacts`, { data: { name: "Grace" } })).json();
  const conversation = await (
    await request.post(`${publicBase}/contacts/${contact.source_id}/conversations`, { data: {} })
  ).json();

  await page.goto("/health");
  await page.addScriptTag({ path: actionCablePath });
  const cableUrl = `${baseURL!.replace(/^http/, "ws")}/cable`;
  await page.evaluate(
    ({ cableUrl, user, contactToken }) => {
      const w = window as any;
      w.received = { agent: [] as Received[], visitor: [] as Received[] };
      const consumer = w.ActionCable.createConsumer(cableUrl);
      w.agentRoom = consumer.subscriptions.create(
        { channel: "RoomChannel", pubsub_token: user.pubsub_token, account_id: user.account_id, user_id: user.id },
        {
          connected: () => (w.agentConnected = true),
          received: (message: Received) => w.received.agent.push(message),
        },
      );
      const visitorConsumer = w.ActionCable.createConsumer(cableUrl);
      visitorConsumer.subscriptions.create(
        { channel: "RoomChannel", pubsub_token: contactToken },
        {
          connected: () => (w.visitorConnected = true),
          received: (message: Received) => w.received.visitor.push(message),
        },
      );
    },
    { cableUrl, user, contactToken: contact.pubsub_token },
  );

  await expect.poll(() => page.evaluate(() => (window as any).agentConnected === true)).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as any).visitorConnected === true)).toBe(true);
  // Subscribing reported presence; `perform("update_presence")` asks again and is answered
  // with who is online now: the agent, and the visitor connected beside them.
  await page.evaluate(() => (window as any).agentRoom.perform("update_presence"));
  await expect
    .poll(() =>
      page.evaluate(() => {
        const updates = (window as any).received.agent.filter((m: Received) => m.event === "presence.update");
        return updates.at(-1)?.data;
      }),
    )
    .toMatchObject({
      account_id: user.account_id,
      users: { [String(user.id)]: "online" },
      contacts: { [String(contact.id)]: "online" },
    });

  const posted = await request.post(
    `/api/v1/accounts/${user.account_id}/conversations/${conversation.id}/messages`,
    { headers, data: { content: "Hello from the REST API" } },
  );
  expect(posted.ok()).toBeTruthy();
  for (const who of ["agent", "visitor"]) {
    await expect
      .poll(() =>
        page.evaluate(
          (who) =>
            (window as any).received[who]
              .filter((m: Received) => m.event === "message.created")
              .map((m: Received) => m.data.content),
          who,
        ),
      )
      .toContain("Hello from the REST API");
  }
});
