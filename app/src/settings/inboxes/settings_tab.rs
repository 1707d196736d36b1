//! The Settings tab: name, greeting, email collect, CSAT, one conversation per contact, and
//! for website inboxes the allowed domains and the reply time.

use leptos::prelude::*;

use super::forms::{LastResult, Outcome, Switch, invalid};
use super::models::{InboxSettings, REPLY_TIMES, reply_time_text};
use super::server_fns::UpdateInboxSettings;
use crate::i18n::{tu_string, use_i18n};

/// The Settings tab.
#[component]
pub fn SettingsTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateInboxSettings>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    let locale = i18n.get_locale_untracked();
    let website = shown.is_website();
    let inbox = shown.inbox;
    let reply_time = inbox.reply_time.clone().unwrap_or_default();
    let widget_fields = website.then(|| {
        view! {
            <label for="inbox-allowed-domains">{tu_string!(i18n, settings_inboxes.settings.allowed_domains)}</label>
            <input
                id="inbox-allowed-domains"
                name="form[allowed_domains]"
                value=inbox.allowed_domains.clone().unwrap_or_default()
                placeholder="*.example.com, example.org"
            />
            <p class="muted hint">
                {tu_string!(i18n, settings_inboxes.settings.allowed_domains_hint)}
            </p>
            <label for="inbox-reply-time">{tu_string!(i18n, settings_inboxes.reply_time)}</label>
            <select id="inbox-reply-time" name="form[reply_time]">
                {REPLY_TIMES
                    .iter()
                    .map(|value| {
                        view! {
                            <option value=*value selected=reply_time == *value>
                                {reply_time_text(locale, value)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    });
    view! {
        <section class="card settings-section" aria-labelledby="inbox-settings-heading">
            <h2 id="inbox-settings-heading">{tu_string!(i18n, settings_inboxes.inbox_settings)}</h2>
            <ActionForm action attr:id="inbox-settings-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="inbox_id" value=inbox.id />
                <label for="inbox-name">{tu_string!(i18n, settings_inboxes.settings.inbox_name)}</label>
                <input
                    id="inbox-name"
                    name="form[name]"
                    required
                    value=inbox.name.clone()
                    aria-invalid=invalid(result, "name")
                />
                <Switch
                    id="inbox-greeting-enabled"
                    name="form[greeting_enabled]"
                    label=tu_string!(i18n, settings_inboxes.settings.greeting_enabled)
                    checked=inbox.greeting_enabled
                />
                <label for="inbox-greeting">{tu_string!(i18n, settings_inboxes.settings.greeting_message)}</label>
                <textarea
                    id="inbox-greeting"
                    name="form[greeting_message]"
                    rows="3"
                    aria-invalid=invalid(result, "greeting_message")
                >
                    {inbox.greeting_message.clone().unwrap_or_default()}
                </textarea>
                <Switch
                    id="inbox-email-collect"
                    name="form[enable_email_collect]"
                    label=tu_string!(i18n, settings_inboxes.settings.email_collect)
                    checked=inbox.enable_email_collect
                    hint=tu_string!(i18n, settings_inboxes.settings.email_collect_hint)
                />
                <Switch
                    id="inbox-csat"
                    name="form[csat_survey_enabled]"
                    label=tu_string!(i18n, settings_inboxes.settings.csat)
                    checked=inbox.csat_survey_enabled
                    hint=tu_string!(i18n, settings_inboxes.settings.csat_hint)
                />
                <Switch
                    id="inbox-lock-single"
                    name="form[lock_to_single_conversation]"
                    label=tu_string!(i18n, settings_inboxes.settings.lock_single)
                    checked=inbox.lock_to_single_conversation
                    hint=tu_string!(i18n, settings_inboxes.settings.lock_single_hint)
                />
                {widget_fields}
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings_inboxes.update)}
                </button>
            </ActionForm>
        </section>
    }
}
