// The contact panel beside an open conversation (contact fields, a custom attribute, a note)
// and live updates without reloading: the notification bell, a new conversation in the list
// and the contact's typing. Runs after first_run.spec.ts, which created the administrator.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

test("the contact panel edits the contact, and the workspace updates live", async ({
  page,
  request,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (err) => pageErrors.push(err.message));
  const stamp = Date.now();

  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  const headers = { api_access_token: user.access_token };
  const accountBase = `/api/v1/accounts/${user.account_id}`;

  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: `Panel check ${stamp}`, channel: { type: "api" } },
    })
  ).json();
  const definition = await request.post(`${accountBase}/custom_attribute_definitions`, {
    headers,
    data: {
      attribute_display_name: "Tier",
      attribute_key: `tier_${stamp}`,
      attribute_display_type: "text",
      attribute_model: "contact_attribute",
    },
  });
  expect(definition.ok()).toBeTruthy();
  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (
    await request.post(`${publicBase}/contacts`, { data: { name: `Annie Easley ${stamp}` } })
  ).json();
  const conversationsBase = `${publicBase}/contacts/${contact.source_id}/conversations`;
  const conversation = await (await request.post(conversationsBase, { data: {} })).json();
  const first = await request.post(`${conversationsBase}/${conversation.id}/messages`, {
    data: { content: "Can you check my account?" },
  });
  expect(first.ok()).toBeTruthy();
  const showContact = async () =>
    (await (await request.get(`${accountBase}/contacts/${contact.id}`, { headers })).json()).payload;

  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await page.goto(
    `/app/accounts/${user.account_id}/conversations/${conversation.id}?assignee=all&status=open`,
  );
  await hydrated(page);
  const panel = page.getByRole("complementary", { name: "Contact" });
  // Folded below 1440 px wide (the test window is 1280): unfold it.
  await expect(async () => {
    if ((await panel.locator("details.contact-panel-toggle[open]").count()) === 0) {
      await panel.getByText("Contact details").click();
    }
    await expect(panel.locator(".contact-header")).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(panel).toContainText(`Annie Easley ${stamp}`);
  await expect(panel.locator("#conversation-info")).toContainText(`Panel check ${stamp}`);

  // The contact's email.
  await panel.getByText("Edit contact").click();
  const form = panel.locator("#contact-form");
  await form.getByLabel("Email").fill(`annie.${stamp}@example.com`);
  await form.getByRole("button", { name: "Save contact" }).click();
  await expect.poll(async () => (await showContact()).email).toBe(`annie.${stamp}@example.com`);
  await expect(panel.locator(".contact-header")).toContainText(`annie.${stamp}@example.com`);

  // A custom attribute.
  const tier = panel.locator(`form[data-key="tier_${stamp}"]`);
  await tier.getByLabel("Tier").fill("Gold");
  await tier.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await showContact()).custom_attributes[`tier_${stamp}`])
    .toBe("Gold");
  await expect(panel.locator(`form[data-key="tier_${stamp}"]`).getByLabel("Tier")).toHaveValue("Gold");

  // A note.
  await panel.getByLabel("New note").fill("Prefers a call back in the morning");
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.locator("#contact-notes .note-content")).toHaveText([
    "Prefers a call back in the morning",
  ]);
  const notes = await (
    await request.get(`${accountBase}/contacts/${contact.id}/notes`, { headers })
  ).json();
  expect(notes.map((n: { content: string }) => n.content)).toContain(
    "Prefers a call back in the morning",
  );

  // Everything below must arrive without a reload.
  await page.evaluate(() => ((window as any).sameDocument = true));

  // A second agent mentions Ada in a private note: her bell counts it.
  const badge = page.locator("#notification-badge");
  const unreadBefore = (await badge.count()) ? Number(await badge.textContent()) : 0;
  const cara = { email: `cara.${stamp}@example.com`, password: "Passw0rd!" };
  const created = await request.post(`${accountBase}/agents`, {
    headers,
    data: { name: "Cara Carter", email: cara.email, role: "agent", password: cara.password },
  });
  expect(created.ok()).toBeTruthy();
  const caraId = (await created.json()).id;
  const members = await request.post(`${accountBase}/inbox_members`, {
    headers,
    data: { inbox_id: inbox.id, user_ids: [caraId] },
  });
  expect(members.ok()).toBeTruthy();
  const caraSignIn = await request.post("/auth/sign_in", { data: cara });
  expect(caraSignIn.ok()).toBeTruthy();
  const caraToken = (await caraSignIn.json()).data.access_token;
  const mention = await request.post(`${accountBase}/conversations/${conversation.id}/messages`, {
    headers: { api_access_token: caraToken },
    data: { content: `[@Ada](mention://user/${user.id}/Ada) can you look?`, private: true },
  });
  expect(mention.ok()).toBeTruthy();
  await expect(badge).toHaveText(String(unreadBefore + 1));

  // A new conversation from the public API appears in the open list.
  const newcomer = await (
    await request.post(`${publicBase}/contacts`, { data: { name: `Mae Jemison ${stamp}` } })
  ).json();
  const newcomerBase = `${publicBase}/contacts/${newcomer.source_id}/conversations`;
  const second = await (await request.post(newcomerBase, { data: {} })).json();
  expect(
    (await request.post(`${newcomerBase}/${second.id}/messages`, { data: { content: "Hello?" } })).ok(),
  ).toBeTruthy();
  const list = page.getByRole("complementary", { name: "Conversation list" });
  await expect(list.getByRole("link", { name: new RegExp(`Mae Jemison ${stamp}`) })).toBeVisible();

  // The contact types, then stops.
  const typing = (status: string) =>
    request.post(`${conversationsBase}/${conversation.id}/toggle_typing`, {
      data: { typing_status: status },
    });
  expect((await typing("on")).ok()).toBeTruthy();
  await expect(page.getByText(`Annie Easley ${stamp} is typing…`)).toBeVisible();
  expect((await typing("off")).ok()).toBeTruthy();
  await expect(page.getByText(`Annie Easley ${stamp} is typing…`)).toHaveCount(0);

  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  expect(pageErrors).toEqual([]);
});

test("the password form ticks off the password rules as the agent types", async ({ page }) => {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/(\d+)\/dashboard$/);
  const account = page.url().match(/accounts\/(\d+)\//)?.[1];
  await page.goto(`/app/accounts/${account}/profile/settings`);
  await hydrated(page);

  const form = page.locator("#password-form");
  const rules = form.locator("#password-rules li");
  await expect(rules).toHaveCount(5);
  await expect(form.locator("#password-rules li.met")).toHaveCount(0);
  await form.getByLabel("New password", { exact: true }).fill("abcdef");
  await expect(form.locator("#password-rules li.met")).toHaveCount(1);
  await expect(rules.filter({ hasText: "uppercase" })).not.toHaveClass(/met/);
  await form.getByLabel("New password", { exact: true }).fill("Abcde1!");
  await expect(form.locator("#password-rules li.met")).toHaveCount(4);
  await form.getByLabel("Confirm new password").fill("Abcde1!");
  await expect(form.locator("#password-rules li.met")).toHaveCount(5);

  // The server enforces the same rules: a weak password is refused with the rule it breaks.
  await form.getByLabel("Current password").fill(admin.password);
  await form.getByLabel("New password", { exact: true }).fill("abcdefg");
  await form.getByLabel("Confirm new password").fill("abcdefg");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("uppercase");
});
