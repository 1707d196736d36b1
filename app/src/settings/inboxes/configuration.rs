//! The Configuration tab: for website inboxes the install snippet; for API inboxes the inbox
//! identifier and the callback URL; for both the identity-validation (HMAC) token and the
//! switch that makes it mandatory.

use leptos::prelude::*;

use super::forms::{LastResult, Outcome, Switch, invalid};
use super::models::InboxSettings;
use super::server_fns::{SetIdentityEnforced, UpdateCallbackUrl};
use super::snippet::CopyBox;
use crate::i18n::{tu_string, use_i18n};

/// The Configuration tab.
#[component]
pub fn ConfigurationTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let website = shown.is_website();
    let inbox = shown.inbox;
    let channel = if website {
        let script = inbox.web_widget_script.clone().unwrap_or_default();
        view! {
            <section class="card settings-section" aria-labelledby="install-heading">
                <h2 id="install-heading">{tu_string!(i18n, settings_inboxes.config.messenger_script)}</h2>
                <p class="muted">
                    {tu_string!(i18n, settings_inboxes.paste_before)}
                    <code>"</body>"</code>
                    {tu_string!(i18n, settings_inboxes.paste_after)}
                </p>
                <CopyBox id="inbox-snippet" label=tu_string!(i18n, settings_inboxes.install_snippet) text=script multiline=true />
            </section>
        }
        .into_any()
    } else {
        let identifier = inbox.inbox_identifier.clone().unwrap_or_default();
        let webhook = inbox.webhook_url.clone().unwrap_or_default();
        view! {
            <section class="card settings-section" aria-labelledby="api-heading">
                <h2 id="api-heading">{tu_string!(i18n, settings_inboxes.create.api_channel)}</h2>
                <CopyBox id="inbox-identifier" label=tu_string!(i18n, settings_inboxes.inbox_identifier) text=identifier />
                <CallbackForm account_id inbox_id=inbox.id webhook />
            </section>
        }
        .into_any()
    };
    let token = inbox.hmac_token.clone().unwrap_or_default();
    view! {
        {channel}
        <section class="card settings-section" aria-labelledby="identity-heading">
            <h2 id="identity-heading">{tu_string!(i18n, settings_inboxes.config.identity)}</h2>
            <p class="muted">
                {tu_string!(i18n, settings_inboxes.config.identity_help)}
            </p>
            <CopyBox id="inbox-hmac-token" label=tu_string!(i18n, settings_inboxes.config.hmac_token) text=token />
            <IdentityForm
                account_id
                inbox_id=inbox.id
                enforced=inbox.hmac_mandatory.unwrap_or(false)
            />
        </section>
    }
}

#[component]
fn IdentityForm(account_id: i64, inbox_id: i64, enforced: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetIdentityEnforced>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    view! {
        <ActionForm action attr:id="identity-form" attr:class="form">
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="inbox_id" value=inbox_id />
            <Switch
                id="identity-enforced"
                name="hmac_mandatory"
                label=tu_string!(i18n, settings_inboxes.config.enforce)
                checked=enforced
                hint=tu_string!(i18n, settings_inboxes.config.enforce_hint)
            />
            <Outcome result />
            <button type="submit" class="button primary" disabled=action.pending()>
                {tu_string!(i18n, settings_inboxes.update)}
            </button>
        </ActionForm>
    }
}

#[component]
fn CallbackForm(account_id: i64, inbox_id: i64, webhook: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateCallbackUrl>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    view! {
        <ActionForm action attr:id="callback-form" attr:class="form">
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="inbox_id" value=inbox_id />
            <label for="inbox-webhook">{tu_string!(i18n, settings_inboxes.webhook_url)}</label>
            <input
                id="inbox-webhook"
                type="url"
                name="webhook_url"
                value=webhook
                aria-invalid=invalid(result, "webhook_url")
            />
            <Outcome result />
            <button type="submit" class="button primary" disabled=action.pending()>
                {tu_string!(i18n, settings_inboxes.update)}
            </button>
        </ActionForm>
    }
}
