//! The "Add inbox" wizard: choose Website or API (`…/new`), fill in the channel
//! (`…/new/website`, `…/new/api`), add agents (`…/new/:inbox_id/agents`), then the finish
//! page with the install snippet or the API inbox identifier (`…/new/:inbox_id/finish`).

use leptos::prelude::*;
use leptos_meta::Title;

use super::collaborators::AgentsForm;
use super::forms::{LastResult, Outcome, account_id, invalid, param};
use super::models::{InboxSettings, REPLY_TIMES, reply_time_text};
use super::paths;
use super::server_fns::{CreateApiInbox, CreateWebsiteInbox, get_inbox_settings};
use super::snippet::CopyBox;
use crate::i18n::{tu_string, use_i18n};
use crate::settings::nav::{Section, SettingsFrame};
use leptos_router::hooks::use_params_map;

/// `…/new` and `…/new/:channel`.
#[component]
pub fn NewInboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = account_id();
    let params = use_params_map();
    let channel = move || params.read().get("channel").unwrap_or_default();
    view! {
        <Title text=tu_string!(i18n, settings_inboxes.list.add) />
        <SettingsFrame section=Section::Inboxes>
        <div id="inbox-settings" class="inbox-settings">
            <h2>{tu_string!(i18n, settings_inboxes.list.add)}</h2>
            <Steps current=1 />
            {move || match channel().as_str() {
                "website" => view! { <WebsiteForm account_id /> }.into_any(),
                "api" => view! { <ApiForm account_id /> }.into_any(),
                _ => view! { <ChooseChannel account_id /> }.into_any(),
            }}
        </div>
        </SettingsFrame>
    }
}

#[component]
fn Steps(current: u8) -> impl IntoView {
    let i18n = use_i18n();
    let step = move |n: u8, text: &'static str| {
        let state = if n == current { Some("step") } else { None };
        view! {
            <li class:done=move || n < current aria-current=state>
                {text}
            </li>
        }
    };
    view! {
        <ol class="wizard-steps">
            {step(1, tu_string!(i18n, settings_inboxes.create.step_channel))}
            {step(2, tu_string!(i18n, settings_inboxes.create.add_agents))}
            {step(3, tu_string!(i18n, settings_inboxes.create.step_finish))}
        </ol>
    }
}

#[component]
fn ChooseChannel(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="channel-choices">
            <a class="card channel-choice" href=paths::new_channel(account_id, "website")>
                <strong>{tu_string!(i18n, settings_inboxes.channels.website)}</strong>
                <span class="muted">{tu_string!(i18n, settings_inboxes.create.website_help)}</span>
            </a>
            <a class="card channel-choice" href=paths::new_channel(account_id, "api")>
                <strong>{tu_string!(i18n, settings_inboxes.channels.api)}</strong>
                <span class="muted">{tu_string!(i18n, settings_inboxes.create.api_help)}</span>
            </a>
        </div>
    }
}

#[component]
fn WebsiteForm(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let action = ServerAction::<CreateWebsiteInbox>::new();
    let result: LastResult<i64> = Signal::derive(move || action.value().get());
    view! {
        <section class="card settings-section" aria-labelledby="new-website-heading">
            <h2 id="new-website-heading">{tu_string!(i18n, settings_inboxes.create.website_channel)}</h2>
            <ActionForm action attr:id="new-website-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <label for="website-name">{tu_string!(i18n, settings_inboxes.create.website_name)}</label>
                <input
                    id="website-name"
                    name="form[name]"
                    required
                    placeholder="Acme Inc"
                    aria-invalid=invalid(result, "name")
                />
                <label for="website-url">{tu_string!(i18n, settings_inboxes.create.website_domain)}</label>
                <input
                    id="website-url"
                    name="form[website_url]"
                    required
                    placeholder="www.acme.com"
                    aria-invalid=invalid(result, "website_url")
                />
                <label for="website-color">{tu_string!(i18n, settings_inboxes.widget_color)}</label>
                <input
                    id="website-color"
                    type="color"
                    name="form[widget_color]"
                    value="#1f93ff"
                    aria-invalid=invalid(result, "widget_color")
                />
                <label for="website-title">{tu_string!(i18n, settings_inboxes.welcome_heading)}</label>
                <input id="website-title" name="form[welcome_title]" placeholder=tu_string!(i18n, settings_inboxes.welcome_heading_placeholder) />
                <label for="website-tagline">{tu_string!(i18n, settings_inboxes.welcome_tagline)}</label>
                <input
                    id="website-tagline"
                    name="form[welcome_tagline]"
                    placeholder=tu_string!(i18n, settings_inboxes.welcome_tagline_placeholder)
                />
                <label for="website-reply-time">{tu_string!(i18n, settings_inboxes.reply_time)}</label>
                <select id="website-reply-time" name="form[reply_time]">
                    {REPLY_TIMES
                        .iter()
                        .map(|value| {
                            view! { <option value=*value>{reply_time_text(locale, value)}</option> }
                        })
                        .collect_view()}
                </select>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings_inboxes.create.create_inbox)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ApiForm(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateApiInbox>::new();
    let result: LastResult<i64> = Signal::derive(move || action.value().get());
    view! {
        <section class="card settings-section" aria-labelledby="new-api-heading">
            <h2 id="new-api-heading">{tu_string!(i18n, settings_inboxes.create.api_channel)}</h2>
            <ActionForm action attr:id="new-api-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <label for="api-name">{tu_string!(i18n, settings_inboxes.create.channel_name)}</label>
                <input id="api-name" name="name" required aria-invalid=invalid(result, "name") />
                <label for="api-webhook">{tu_string!(i18n, settings_inboxes.webhook_url)}</label>
                <input
                    id="api-webhook"
                    type="url"
                    name="webhook_url"
                    placeholder="https://example.com/onechat/callback"
                    aria-invalid=invalid(result, "webhook_url")
                />
                <p class="muted hint">
                    {tu_string!(i18n, settings_inboxes.webhook_hint)}
                </p>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings_inboxes.create.create_api)}
                </button>
            </ActionForm>
        </section>
    }
}

/// Loads the inbox of the route for a wizard step.
fn load() -> (i64, crate::json_resource::JsonResource<InboxSettings>) {
    let account_id = account_id();
    let inbox_id = param("inbox_id");
    let data = crate::json_resource::blocking(
        move || inbox_id.get(),
        move |id| get_inbox_settings(account_id, id),
    );
    (account_id, data)
}

/// `…/new/:inbox_id/agents`.
#[component]
pub fn AgentsStepPage() -> impl IntoView {
    let i18n = use_i18n();
    let (account_id, data) = load();
    view! {
        <Title text=tu_string!(i18n, settings_inboxes.create.add_agents) />
        <SettingsFrame section=Section::Inboxes>
        <div id="inbox-settings" class="inbox-settings">
            <h2>{tu_string!(i18n, settings_inboxes.create.add_agents)}</h2>
            <Steps current=2 />
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, settings_inboxes.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(shown) => {
                            view! {
                                <p class="muted">
                                    {tu_string!(i18n, settings_inboxes.create.agents_help)}
                                </p>
                                <AgentsForm account_id shown wizard=true />
                            }
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
        </SettingsFrame>
    }
}

/// `…/new/:inbox_id/finish`.
#[component]
pub fn FinishPage() -> impl IntoView {
    let i18n = use_i18n();
    let (account_id, data) = load();
    view! {
        <Title text=tu_string!(i18n, settings_inboxes.create.ready_title) />
        <SettingsFrame section=Section::Inboxes>
        <div id="inbox-settings" class="inbox-settings">
            <h2>{tu_string!(i18n, settings_inboxes.create.ready)}</h2>
            <Steps current=3 />
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, settings_inboxes.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(shown) => view! { <Finish account_id shown /> }.into_any(),
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
        </SettingsFrame>
    }
}

#[component]
fn Finish(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let inbox_id = shown.inbox.id;
    let body = if shown.is_website() {
        let script = shown.inbox.web_widget_script.clone().unwrap_or_default();
        view! {
            <p>
                {tu_string!(i18n, settings_inboxes.paste_before)}
                <code>"</body>"</code>
                {tu_string!(i18n, settings_inboxes.paste_after)}
            </p>
            <CopyBox id="inbox-snippet" label=tu_string!(i18n, settings_inboxes.install_snippet) text=script multiline=true />
        }
        .into_any()
    } else {
        let identifier = shown.inbox.inbox_identifier.clone().unwrap_or_default();
        view! {
            <p>{tu_string!(i18n, settings_inboxes.create.identifier_help)}</p>
            <CopyBox id="inbox-identifier" label=tu_string!(i18n, settings_inboxes.inbox_identifier) text=identifier />
        }
        .into_any()
    };
    view! {
        <section class="card settings-section">
            {body}
            <div class="wizard-links">
                <a class="button" href=paths::inbox(account_id, inbox_id, "")>
                    {tu_string!(i18n, settings_inboxes.create.more_settings)}
                </a>
                <a class="button primary" href=crate::routes::dashboard(account_id)>
                    {tu_string!(i18n, settings_inboxes.create.take_me_there)}
                </a>
            </div>
        </section>
    }
}
