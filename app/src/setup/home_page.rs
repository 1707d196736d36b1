//! `/`: setup form, or a redirect.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use super::server_fns::{SetupInstallation, get_installation_state};
use crate::auth::get_session;
use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::layout::FormError;
use crate::post_form::{FormAction, PostForm};
use crate::routes;

/// Decides where a visitor of `/` belongs.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = crate::json_resource::blocking(
        || (),
        |_| async {
            let installation = get_installation_state().await?;
            let session = if installation.needs_setup {
                None
            } else {
                get_session().await?
            };
            Ok::<_, DashboardError>((installation.needs_setup, session))
        },
    );

    view! {
        <Suspense fallback=|| view! { <main class="centered-page" /> }>
            {move || Suspend::new(async move {
                match state.await {
                    Ok((true, _)) => view! { <SetupForm /> }.into_any(),
                    Ok((false, Some(session))) if !session.accounts.is_empty() => {
                        view! { <Redirect path=routes::dashboard(session.accounts[0].id) /> }.into_any()
                    }
                    Ok(_) => view! { <Redirect path=routes::LOGIN /> }.into_any(),
                    Err(err) => view! {
                        <main class="centered-page">
                            <div class="card"><p class="form-error">{err.to_string()}</p></div>
                        </main>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// Creates the first account and administrator.
#[component]
fn SetupForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = FormAction::of::<SetupInstallation>();
    let pending = action.pending();
    view! {
        <Title text=tu_string!(i18n, setup.title) />
        <crate::i18n::HtmlLang />
        <main class="centered-page">
            <div class="card auth-card">
                <div class="brand">
                    <img src="/logo.svg" alt="" width="40" height="40" />
                    <span>"OneChat"</span>
                </div>
                <h1>{tu_string!(i18n, setup.heading)}</h1>
                <p class="muted">
                    {tu_string!(i18n, setup.intro)}
                </p>
                <PostForm action=action attr:id=ids::SETUP_FORM attr:class="form">
                    <label for="setup-account-name">{tu_string!(i18n, setup.company_name)}</label>
                    <input id="setup-account-name" name="account_name" required maxlength="255" autocomplete="organization" />
                    <label for="setup-name">{tu_string!(i18n, setup.full_name)}</label>
                    <input id="setup-name" name="name" required maxlength="255" autocomplete="name" />
                    <label for="setup-email">{tu_string!(i18n, setup.work_email)}</label>
                    <input id="setup-email" type="email" name="email" required autocomplete="email" />
                    <label for="setup-password">{tu_string!(i18n, setup.password)}</label>
                    <input
                        id="setup-password"
                        type="password"
                        name="password"
                        required
                        minlength="6"
                        autocomplete="new-password"
                        aria-describedby="setup-password-hint"
                    />
                    <p id="setup-password-hint" class="hint">
                        {tu_string!(i18n, setup.password_hint)}
                    </p>
                    <FormError message=Signal::derive(move || action.error()) />
                    <button type="submit" class="button primary" disabled=pending>
                        {move || if pending.get() { tu_string!(i18n, setup.submitting) } else { tu_string!(i18n, setup.submit) }}
                    </button>
                </PostForm>
            </div>
        </main>
    }
}
