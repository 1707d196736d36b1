//! The general settings form: one plain form posting to `update_general_settings`, so it
//! works before the page is live.

use leptos::prelude::*;

use super::server_fns::{GeneralSettings, LANGUAGES, UpdateGeneralSettings, get_general_settings};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::{Outcome, invalid, last_result};
use crate::settings::nav::{Section, SettingsFrame, current};

/// `settings/general`.
#[component]
pub fn GeneralPage() -> impl IntoView {
    let i18n = use_i18n();
    let loading = tu_string!(i18n, settings.loading);
    let account_id = current().map_or(0, |(id, _)| id);
    let settings = crate::json_resource::blocking(|| (), move |_| get_general_settings(account_id));
    view! {
        <SettingsFrame section=Section::General>
            <Suspense fallback=move || view! { <p class="muted">{loading}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(shown) => view! { <GeneralForm account_id shown /> }.into_any(),
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </SettingsFrame>
    }
}

#[component]
fn GeneralForm(account_id: i64, shown: GeneralSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateGeneralSettings>::new();
    let result = last_result(action);
    // The dashboard reads its language once per page load: after a save that changed the
    // account's language, load the page again so all of it switches (without JavaScript the
    // form's post and redirect already load it again).
    // The language is read from the select itself when the save succeeds: a choice made
    // before this form hydrated sent no change event.
    let saved_locale = StoredValue::new(shown.locale.clone());
    let locale_select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if !matches!(result.get(), Some(Ok(()))) {
            return;
        }
        let Some(chosen) = locale_select.get_untracked().map(|select| select.value()) else {
            return;
        };
        if saved_locale.with_value(|saved| *saved != chosen) {
            saved_locale.set_value(chosen);
            #[cfg(feature = "hydrate")]
            let _ = window().location().reload();
        }
    });
    let mut languages: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(code, name)| ((*code).to_owned(), (*name).to_owned()))
        .collect();
    // A language set through the API that the dashboard does not offer stays selectable.
    if !languages.iter().any(|(code, _)| *code == shown.locale) {
        languages.push((shown.locale.clone(), shown.locale.clone()));
    }
    let options = languages
        .into_iter()
        .map(|(code, name)| {
            let selected = code == shown.locale;
            view! { <option value=code selected=selected>{name}</option> }
        })
        .collect_view();
    let units = [
        ("minutes", tu_string!(i18n, settings.general.minutes)),
        ("hours", tu_string!(i18n, settings.general.hours)),
        ("days", tu_string!(i18n, settings.general.days)),
    ]
    .into_iter()
    .map(|(unit, text)| {
        let selected = unit == shown.auto_resolve_unit;
        view! { <option value=unit selected=selected>{text}</option> }
    })
    .collect_view();
    view! {
        <section class="card settings-section" aria-labelledby="general-heading">
            <h2 id="general-heading">{tu_string!(i18n, settings.general.heading)}</h2>
            <ActionForm action attr:id="general-settings-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <label for="account-name">{tu_string!(i18n, settings.general.account_name)}</label>
                <input
                    id="account-name"
                    name="name"
                    required
                    value=shown.name
                    aria-invalid=invalid(result, "name")
                />
                <label for="account-locale">{tu_string!(i18n, settings.general.site_language)}</label>
                <select
                    id="account-locale"
                    name="locale"
                    aria-invalid=invalid(result, "locale")
                    node_ref=locale_select
                >
                    {options}
                </select>
                <fieldset class="settings-fieldset">
                    <legend>{tu_string!(i18n, settings.general.auto_resolve)}</legend>
                    <p class="muted">{tu_string!(i18n, settings.general.auto_resolve_help)}</p>
                    <div class="settings-inline">
                        <label for="auto-resolve-value">{tu_string!(i18n, settings.general.resolve_after)}</label>
                        <input
                            id="auto-resolve-value"
                            name="auto_resolve_value"
                            type="number"
                            min="1"
                            inputmode="numeric"
                            value=shown.auto_resolve_value.map(|v| v.to_string()).unwrap_or_default()
                            aria-invalid=invalid(result, "auto_resolve_after")
                        />
                        <label for="auto-resolve-unit" class="visually-hidden">
                            {tu_string!(i18n, settings.general.unit)}
                        </label>
                        <select id="auto-resolve-unit" name="auto_resolve_unit">{units}</select>
                    </div>
                    <label for="auto-resolve-message">
                        {tu_string!(i18n, settings.general.resolve_message)}
                    </label>
                    <textarea
                        id="auto-resolve-message"
                        name="auto_resolve_message"
                        rows="3"
                        aria-invalid=invalid(result, "auto_resolve_message")
                    >
                        {shown.auto_resolve_message}
                    </textarea>
                </fieldset>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.general.update)}
                </button>
            </ActionForm>
        </section>
    }
}
