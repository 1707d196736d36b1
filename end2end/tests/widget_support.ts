// Shared by the widget_*.spec.ts files: the selectors (kept in one place, since the chat window's
// markup may still move), the host-page URL builder, and a small client for the agent REST API.
// The host page is served by end2end/host/server.mjs on its own origin (see playwright.config.ts).
import { APIRequestContext, expect, FrameLocator, Page } from "@playwright/test";
import { createHmac } from "node:crypto";

/** The customer's site, on a different origin from OneChat (http://127.0.0.1:3210). */
export const HOST = `http://localhost:${process.env.ONECHAT_HOST_PORT ?? 3220}`;

export const admin = { email: "ada@example.com", password: "Passw0rd!" };

/** Every selector the widget specs use. Host page: sdk.js. Inside the iframe: the Leptos chat window. */
export const SEL = {
  // On the host page (widget/sdk/sdk.js).
  bubble: "#cw-bubble-holder button.woot-widget-bubble:not(.woot--close)",
  closeBubble: "#cw-bubble-holder button.woot--close",
  holder: "#cw-widget-holder",
  iframe: "#chatwoot_live_chat_widget",
  // Inside the chat window (widget/src).
  header: ".chat-header",
  messageList: ".message-list",
  userMessage: ".message.user",
  agentMessage: ".message.agent",
  /** Only if the chat window opens on a home screen; the current one opens on the composer. */
  startConversation: "button.start-conversation",
  composer: "textarea.composer-input",
  send: "button.send-button",
  preChatForm: "form.pre-chat-form",
  preChatField: (name: string) => `form.pre-chat-form [name="${name}"]`,
  preChatMessage: "form.pre-chat-form textarea",
  preChatSubmit: 'form.pre-chat-form button[type="submit"]',
  /** The error text under a field the visitor got wrong. */
  preChatErrors: "form.pre-chat-form .field-error",
  csat: ".csat-survey",
  csatRating: (rating: number) => `.csat-survey .csat-rating[data-rating="${rating}"]`,
  csatFeedback: ".csat-survey textarea",
  csatSubmit: ".csat-survey button.csat-submit",
  typing: ".typing-indicator",
  /** The campaign teaser; once the campaign ran it is an ordinary `.message.agent`. */
  campaign: ".campaign-message",
  endConversation: "button.end-conversation",
};

export type Flavor = "onechat" | "chatwoot";

/** The host page URL: `path` on the host origin, embedding the snippet of `flavor`. */
export function hostUrl(opts: {
  token: string;
  base: string;
  path?: string;
  flavor?: Flavor;
  settings?: Record<string, unknown>;
}): string {
  const url = new URL(opts.path ?? "/", HOST);
  url.searchParams.set("token", opts.token);
  url.searchParams.set("base", opts.base);
  url.searchParams.set("flavor", opts.flavor ?? "onechat");
  if (opts.settings) url.searchParams.set("settings", JSON.stringify(opts.settings));
  return url.toString();
}

/** Names of the OneChat:* / chatwoot:* events the host page has seen, in order. */
export const hostEvents = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as any).__events.map((e: { name: string }) => e.name));

/** Details of the events called `name` the host page has seen. */
export const hostEventDetails = (page: Page, name: string): Promise<unknown[]> =>
  page.evaluate(
    (name) => (window as any).__events.filter((e: { name: string }) => e.name === name).map((e: any) => e.detail),
    name,
  );

/** Waits until the widget said `loaded` (both ready events fired). */
export async function waitForReady(page: Page): Promise<void> {
  await expect.poll(() => hostEvents(page)).toEqual(expect.arrayContaining(["OneChat:ready", "chatwoot:ready"]));
}

/** Clicks the bubble and returns the chat window, shown. */
export async function openWidget(page: Page): Promise<FrameLocator> {
  await page.locator(SEL.bubble).click();
  await expect(page.locator(SEL.iframe)).toBeVisible();
  return page.frameLocator(SEL.iframe);
}

/** Gets to the composer: some chat windows open on a home screen with a start button first. */
export async function composer(frame: FrameLocator) {
  const composerOrStart = frame.locator(`${SEL.composer}, ${SEL.startConversation}`).first();
  await expect(composerOrStart).toBeVisible();
  if (!(await frame.locator(SEL.composer).isVisible())) await frame.locator(SEL.startConversation).click();
  await expect(frame.locator(SEL.composer)).toBeVisible();
  return frame.locator(SEL.composer);
}

/** The visitor types `text` and sends it; it shows as their own message. */
export async function sendVisitorMessage(frame: FrameLocator, text: string): Promise<void> {
  await (await composer(frame)).fill(text);
  await frame.locator(SEL.send).click();
  await expect(frame.locator(SEL.userMessage, { hasText: text })).toBeVisible();
}

/** lower-case hex HMAC-SHA256 of `identifier` with the inbox's hmac_token (the identity check). */
export const identifierHash = (hmacToken: string, identifier: string): string =>
  createHmac("sha256", hmacToken).update(identifier).digest("hex");

/** A unique suffix, so names and emails never collide across specs. */
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The signed-in administrator, calling the agent REST API with `api_access_token`. */
export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
    readonly accountId: number,
    readonly userId: number,
  ) {}

  static async signIn(request: APIRequestContext): Promise<Api> {
    const response = await request.post("/auth/sign_in", { data: admin });
    expect(response.ok(), `sign in: ${response.status()}`).toBeTruthy();
    const user = (await response.json()).data;
    return new Api(request, user.access_token, user.account_id, user.id);
  }

  private async call(method: "get" | "post" | "patch", path: string, data?: unknown): Promise<any> {
    const url = `/api/v1/accounts/${this.accountId}${path}`;
    const response = await this.request[method](url, { headers: { api_access_token: this.token }, data });
    expect(response.ok(), `${method.toUpperCase()} ${url}: ${response.status()} ${await response.text()}`).toBeTruthy();
    const body = await response.text();
    return body ? JSON.parse(body) : null;
  }
  get = (path: string) => this.call("get", path);
  post = (path: string, data: unknown) => this.call("post", path, data);
  patch = (path: string, data: unknown) => this.call("patch", path, data);

  /** A website inbox the administrator is a member of; `channel` and `extra` override defaults. */
  async createWebsiteInbox(
    name: string,
    channel: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ): Promise<{ id: number; website_token: string; hmac_token: string; [key: string]: unknown }> {
    const inbox = await this.post("/inboxes", {
      name: `${name} ${unique()}`,
      channel: {
        type: "web_widget",
        website_url: HOST,
        widget_color: "#1f93ff",
        welcome_title: "Hi there",
        welcome_tagline: "We reply fast",
        ...channel,
      },
      ...extra,
    });
    expect(inbox.website_token, "the inbox has a website_token").toBeTruthy();
    await this.post("/inbox_members", { inbox_id: inbox.id, user_ids: [this.userId] });
    return inbox;
  }

  /** Every conversation of the inbox, any status. */
  async conversations(inboxId: number): Promise<any[]> {
    const body = await this.get(`/conversations?inbox_id=${inboxId}&status=all`);
    return body.data.payload;
  }

  async messages(displayId: number): Promise<any[]> {
    return (await this.get(`/conversations/${displayId}/messages`)).payload;
  }

  /** The contents of every message in every conversation of the inbox. */
  async inboxMessageContents(inboxId: number): Promise<string[]> {
    const contents: string[] = [];
    for (const conversation of await this.conversations(inboxId)) {
      for (const message of await this.messages(conversation.id)) contents.push(message.content);
    }
    return contents;
  }

  /** The conversation of the inbox whose messages include `text` (waits for it). */
  async conversationWith(inboxId: number, text: string): Promise<any> {
    let found: any;
    await expect
      .poll(async () => {
        for (const conversation of await this.conversations(inboxId)) {
          const messages = await this.messages(conversation.id);
          if (messages.some((m) => m.content === text)) found = conversation;
        }
        return Boolean(found);
      }, { message: `a conversation in inbox ${inboxId} with "${text}"` })
      .toBe(true);
    return found;
  }

  async searchContacts(q: string): Promise<any[]> {
    return (await this.get(`/contacts/search?q=${encodeURIComponent(q)}`)).payload;
  }
}
