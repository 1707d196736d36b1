// The profile page, the availability menu and the notification bell. Runs after every other
// spec (file order): first_run.spec.ts created the administrator.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";

const admin = { email: "ada@example.com", password: "Passw0rd!" };
const agent = { name: "Bob Builder", email: "bob@example.com", password: "Passw0rd!" };

test.describe.configure({ mode: "serial" });

/** A valid 1×1 PNG. */
const ONE_PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await hydrated(page);
}

async function apiSession(request: import("@playwright/test").APIRequestContext) {
  const signIn = await request.post("/auth/sign_in", { data: admin });
  expect(signIn.ok()).toBeTruthy();
  const user = (await signIn.json()).data;
  return { user, headers: { api_access_token: user.access_token } };
}

test("the profile page saves the display name and rejects a wrong password", async ({
  page,
  request,
}) => {
  const consoleErrors: string[] = [];
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  const { user } = await apiSession(request);

  await logIn(page, admin);
  await page.getByRole("button", { name: "Open user menu" }).click();
  await page.getByRole("menuitem", { name: "Profile settings" }).click();
  await expect(page).toHaveURL(`/app/accounts/${user.account_id}/profile/settings`);
  await expect(page.getByRole("heading", { name: "Profile settings" })).toBeVisible();
  await hydrated(page);

  const profile = page.locator("#profile-form");
  await profile.getByLabel("Display name").fill("Countess Ada");
  await profile.getByRole("button", { name: "Update profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Countess Ada");

  const password = page.locator("#password-form");
  await password.getByLabel("Current password").fill("Wrong-passw0rd");
  await password.getByLabel("New password", { exact: true }).fill("Newer-passw0rd!");
  await password.getByLabel("Confirm new password").fill("Newer-passw0rd!");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toHaveText("Invalid current password");
  await expect(password.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  // The access token shown is the one the API signs in with.
  await expect(page.getByLabel("Your access token")).toHaveValue(user.access_token);

  // A picture is uploaded as soon as it is chosen, served to anyone holding its URL, and
  // shown on the avatar button; removing it brings the initials back.
  await page.getByLabel("Upload a picture").setInputFiles({
    name: "me.png",
    mimeType: "image/png",
    buffer: Buffer.from(ONE_PIXEL_PNG, "base64"),
  });
  const picture = page.locator("#profile-avatar");
  await expect(picture).toHaveAttribute("src", /\/avatars\/[0-9a-f-]{36}\.png$/);
  const src = (await picture.getAttribute("src")) ?? "";
  const served = await request.get(new URL(src).pathname);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  await page.reload();
  await hydrated(page);
  await expect(page.locator(".avatar-button img")).toHaveAttribute("src", src);
  await page.getByRole("button", { name: "Remove picture" }).click();
  await expect(picture).toHaveText(/^[A-Z]{1,2}$/);
  expect((await request.get(new URL(src).pathname)).status()).toBe(404);
  expect(consoleErrors).toEqual([]);

  // Leave the profile as it was for anything that runs later.
  const restored = await request.put("/api/v1/profile", {
    headers: { api_access_token: user.access_token },
    data: { profile: { display_name: "" } },
  });
  expect(restored.ok()).toBeTruthy();
});

test("the user menu sets the availability", async ({ page, request }) => {
  const { headers } = await apiSession(request);
  await logIn(page, admin);
  await page.getByRole("button", { name: "Open user menu" }).click();
  const busy = page.getByRole("menuitemradio", { name: "Busy" });
  await busy.click();
  await expect(busy).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("menuitemradio", { name: "Online" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expect
    .poll(async () => (await (await request.get("/api/v1/profile", { headers })).json()).accounts[0].availability)
    .toBe("busy");

  // A new page load shows the stored choice.
  await page.reload();
  await hydrated(page);
  await page.getByRole("button", { name: "Open user menu" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Busy" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("menuitemradio", { name: "Online" }).click();
  await expect
    .poll(async () => (await (await request.get("/api/v1/profile", { headers })).json()).accounts[0].availability)
    .toBe("online");
});

test("a mention rings the agent's bell until it is read", async ({ browser, request }) => {
  const { user, headers } = await apiSession(request);
  const accountBase = `/api/v1/accounts/${user.account_id}`;

  const created = await request.post(`${accountBase}/agents`, {
    headers,
    data: { name: agent.name, email: agent.email, role: "agent", password: agent.password },
  });
  expect(created.ok()).toBeTruthy();
  const bob = await created.json();

  const inbox = await (
    await request.post(`${accountBase}/inboxes`, {
      headers,
      data: { name: "Mentions check", channel: { type: "api" } },
    })
  ).json();
  const members = await request.post(`${accountBase}/inbox_members`, {
    headers,
    data: { inbox_id: inbox.id, user_ids: [bob.id] },
  });
  expect(members.ok()).toBeTruthy();

  const publicBase = `/public/api/v1/inboxes/${inbox.inbox_identifier}`;
  const contact = await (await request.post(`${publicBase}/contacts`, { data: { name: "Hedy" } })).json();
  const conversation = await (
    await request.post(`${publicBase}/contacts/${contact.source_id}/conversations`, { data: {} })
  ).json();
  const note = await request.post(`${accountBase}/conversations/${conversation.id}/messages`, {
    headers,
    data: { content: `[@Bob](mention://user/${bob.id}/Bob) please look`, private: true },
  });
  expect(note.ok()).toBeTruthy();

  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  await logIn(page, agent);

  const bell = page.locator("#notification-bell");
  await expect(page.locator("#notification-badge")).toHaveText("1");
  await bell.click();
  await expect(page).toHaveURL(`/app/accounts/${user.account_id}/notifications`);
  const list = page.locator("#notification-list");
  const item = list.getByRole("button", {
    name: new RegExp(`mentioned in conversation #${conversation.id}`),
  });
  await expect(item).toBeVisible();
  await expect(list.locator("li.notification.unread")).toHaveCount(1);

  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.locator("#notification-badge")).toHaveCount(0);
  await expect(list.locator("li.notification.read")).toHaveCount(1);

  // Opening an item goes to its conversation.
  await item.click();
  await expect(page).toHaveURL(`/app/accounts/${user.account_id}/conversations/${conversation.id}`);
  expect(consoleErrors).toEqual([]);
  await context.close();
});
