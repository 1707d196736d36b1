//! The set-password form: a plain form posting to `set_password`, so it works before the
//! page is live.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::server_fns::SetPassword;
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::{Outcome, invalid, last_result};

/// The page a set-password link opens.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = query
        .read_untracked()
        .get("reset_password_token")
        .unwrap_or_default();
    let action = ServerAction::<SetPassword>::new();
    let result = last_result(action);
    view! {
        <Title text=tu_string!(i18n, settings.password.title) />
        <main class="centered-page">
            <div class="card">
                <h1>{tu_string!(i18n, settings.password.title)}</h1>
                <p class="muted">
                    {tu_string!(i18n, settings.password.help)}
                </p>
                <ActionForm action attr:id="set-password-form" attr:class="form">
                    <input type="hidden" name="reset_password_token" value=token />
                    <label for="set-password">{tu_string!(i18n, settings.password.password)}</label>
                    <input
                        id="set-password"
                        type="password"
                        name="password"
                        autocomplete="new-password"
                        required
                        minlength="6"
                        maxlength="128"
                        aria-invalid=invalid(result, "password")
                    />
                    <label for="set-password-confirmation">{tu_string!(i18n, settings.password.confirm)}</label>
                    <input
                        id="set-password-confirmation"
                        type="password"
                        name="password_confirmation"
                        autocomplete="new-password"
                        required
                        aria-invalid=invalid(result, "password_confirmation")
                    />
                    <Outcome result />
                    <button type="submit" class="button primary" disabled=action.pending()>
                        {tu_string!(i18n, settings.password.submit)}
                    </button>
                </ActionForm>
            </div>
        </main>
    }
}
