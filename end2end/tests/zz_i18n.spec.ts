// Languages: an administrator switches the account's language in Settings → General, and the
// dashboard (server-rendered and hydrated) and the inbox's website widget follow it; the SDK's
// own `locale` setting still wins in the widget. Runs after first_run.spec.ts; puts the account
// back in English at the end, for the specs that run after it.
import { type Page } from "@playwright/test";
import { expect, test } from "./browser_log";
import { Api, SEL, admin, hostUrl, openWidget, composer, waitForReady } from "./widget_support";

test.describe.configure({ mode: "serial" });

async function hydrated(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

async function logIn(page: Page) {
  await page.goto("/app/login");
  await hydrated(page);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page).toHaveURL(/\/app\/accounts\/\d+\/dashboard$/);
  await hydrated(page);
}

/** Picks the account language on the General settings page and saves it. */
async function chooseLanguage(page: Page, accountId: number, locale: string) {
  await page.goto(`/app/accounts/${accountId}/settings/general`);
  await hydrated(page);
  await page.locator("#account-locale").selectOption(locale);
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/_srv/"));
  await page.locator("#general-settings-form button[type=submit]").click();
  expect((await saved).ok()).toBeTruthy();
  // A new language reloads the page in it: wait for that before going anywhere else.
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await hydrated(page);
}

test.afterAll(async ({ request }) => {
  const api = await Api.signIn(request);
  await api.patch("", { locale: "en" });
});

test("switching the account language changes the dashboard and the widget", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Langues");

  await logIn(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Settings" })).toBeVisible();

  await chooseLanguage(page, api.accountId, "fr");
  await page.goto(`/app/accounts/${api.accountId}/dashboard`);
  await hydrated(page);
  // Still French once hydrated: the browser keeps the language the server rendered.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const principale = page.getByRole("navigation", { name: "Principale" });
  await expect(principale.getByRole("link", { name: "Paramètres" })).toBeVisible();
  await expect(principale.getByRole("link", { name: "Sans réponse" })).toBeVisible();
  await expect(principale.getByRole("link", { name: "Contacts" })).toBeVisible();
  await page.getByRole("button", { name: "Ouvrir le menu utilisateur" }).click();
  await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
  // The conversation workspace itself, not only the frame.
  const listFr = page.getByRole("complementary", { name: "Liste des conversations" });
  await expect(listFr.getByRole("navigation", { name: "Responsable" }).getByRole("link", { name: /Les miennes/ })).toBeVisible();
  await expect(listFr.getByRole("navigation", { name: "Responsable" }).getByRole("link", { name: /Non assignées/ })).toBeVisible();

  // The widget of this account's inbox speaks French to its visitors…
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);
  let frame = await openWidget(page);
  await expect(await composer(frame)).toHaveAttribute("placeholder", "Tapez votre message");
  await expect(frame.locator(SEL.send)).toHaveText("Envoyer");

  // …unless the site asks for another language.
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL!, settings: { locale: "es" } }));
  await waitForReady(page);
  frame = await openWidget(page);
  await expect(await composer(frame)).toHaveAttribute("placeholder", "Escribe tu mensaje");

  // Spanish for the dashboard too, then back to English.
  await chooseLanguage(page, api.accountId, "es");
  // Saving reloads the settings page, now in Spanish.
  await expect(page.getByLabel("Nombre de la cuenta")).toBeVisible();
  await expect(page.getByRole("link", { name: "Respuestas predefinidas" })).toBeVisible();
  await page.goto(`/app/accounts/${api.accountId}/dashboard`);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("link", { name: "Configuración" })).toBeVisible();
  const listEs = page.getByRole("complementary", { name: "Lista de conversaciones" });
  await expect(listEs.getByRole("navigation", { name: "Asignado" }).getByRole("link", { name: /Mías/ })).toBeVisible();

  await chooseLanguage(page, api.accountId, "en");
  await page.goto(`/app/accounts/${api.accountId}/dashboard`);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(main.getByRole("link", { name: "Settings" })).toBeVisible();
});
