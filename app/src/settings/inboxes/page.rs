//! `…/settings/inboxes/:inbox_id?tab=`: one inbox's settings in tabs. Tabs are links (the
//! page works without JavaScript); each opens with the inbox as saved, so a change saved in
//! one tab shows in the next.

use leptos::prelude::*;
use leptos_meta::Title;

use super::builder::BuilderTab;
use super::collaborators::CollaboratorsTab;
use super::configuration::ConfigurationTab;
use super::forms::{account_id, param, query};
use super::hours::HoursTab;
use super::models::{InboxSettings, channel_name};
use super::paths;
use super::pre_chat::PreChatTab;
use super::server_fns::get_inbox_settings;
use super::settings_tab::SettingsTab;
use crate::i18n::{Locale, fill, td_string, tu_string, use_i18n};
use crate::settings::nav::{Section, SettingsFrame};

/// Tab key, and whether API inboxes have it.
const TABS: [(&str, bool); 6] = [
    ("settings", true),
    ("widget_builder", false),
    ("collaborators", true),
    ("business_hours", true),
    ("pre_chat_form", false),
    ("configuration", true),
];

/// A tab's title in `locale`.
fn tab_title(locale: Locale, key: &str) -> &'static str {
    match key {
        "widget_builder" => td_string!(locale, settings_inboxes.tabs.widget_builder),
        "collaborators" => td_string!(locale, settings_inboxes.tabs.collaborators),
        "business_hours" => td_string!(locale, settings_inboxes.tabs.business_hours),
        "pre_chat_form" => td_string!(locale, settings_inboxes.tabs.pre_chat_form),
        "configuration" => td_string!(locale, settings_inboxes.tabs.configuration),
        _ => td_string!(locale, settings_inboxes.tabs.settings),
    }
}

/// The inbox settings page.
#[component]
pub fn InboxSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = account_id();
    let inbox_id = param("inbox_id");
    let tab = query("tab");
    let data = crate::json_resource::blocking(
        move || (inbox_id.get(), tab.get()),
        move |(id, _)| get_inbox_settings(account_id, id),
    );
    view! {
        <SettingsFrame section=Section::Inboxes>
        <div id="inbox-settings" class="inbox-settings">
            <p>
                <a href=paths::list(account_id)>{tu_string!(i18n, settings_inboxes.page.back)}</a>
            </p>
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, settings_inboxes.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(shown) => view! { <Tabs account_id shown tab=tab.get() /> }.into_any(),
                        Err(err) => {
                            view! {
                                <Title text=tu_string!(i18n, settings_inboxes.inbox_settings) />
                                <h2>{tu_string!(i18n, settings_inboxes.inbox_settings)}</h2>
                                <p role="alert">{err.to_string()}</p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
        </SettingsFrame>
    }
}

#[component]
fn Tabs(account_id: i64, shown: InboxSettings, tab: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let website = shown.is_website();
    let inbox_id = shown.inbox.id;
    let available: Vec<_> = TABS.iter().filter(|(_, api)| website || *api).collect();
    let current = available
        .iter()
        .find(|(key, _)| *key == tab)
        .map_or("settings", |(key, _)| *key);
    let links = available
        .iter()
        .map(|(key, _)| {
            let here = (*key == current).then_some("page");
            view! {
                <a
                    href=paths::inbox(account_id, inbox_id, key)
                    class="tab"
                    class:active=here.is_some()
                    aria-current=here
                >
                    {tab_title(locale, key)}
                </a>
            }
        })
        .collect_view();
    let title = shown.inbox.name.clone();
    let kind = channel_name(locale, &shown.inbox.channel_type);
    let body = match current {
        "widget_builder" => view! { <BuilderTab account_id shown /> }.into_any(),
        "collaborators" => view! { <CollaboratorsTab account_id shown /> }.into_any(),
        "business_hours" => view! { <HoursTab account_id shown /> }.into_any(),
        "pre_chat_form" => view! { <PreChatTab account_id shown /> }.into_any(),
        "configuration" => view! { <ConfigurationTab account_id shown /> }.into_any(),
        _ => view! { <SettingsTab account_id shown /> }.into_any(),
    };
    view! {
        <Title text=fill(tu_string!(i18n, settings_inboxes.page.title), &[("name", &title)]) />
        <header class="settings-header">
            <h2>{title} " " <span class="badge">{kind}</span></h2>
        </header>
        <nav class="inbox-tabs" aria-label=tu_string!(i18n, settings_inboxes.inbox_settings)>{links}</nav>
        <div class="tab-body">{body}</div>
    }
}
