//! The login page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use super::server_fns::{LogIn, get_session};
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::layout::FormError;
use crate::post_form::{FormAction, PostForm};
use crate::routes;
use crate::setup::get_installation_state;

/// Email and password; signed-in visitors go straight to their workspace.
#[component]
pub fn LoginPage() -> impl IntoView {
    let state = crate::json_resource::blocking(
        || (),
        |_| async {
            let installation = get_installation_state().await?;
            let session = get_session().await?;
            Ok::<_, crate::error::DashboardError>((installation, session))
        },
    );
    let i18n = use_i18n();
    let action = FormAction::of::<LogIn>();
    let pending = action.pending();

    view! {
        <Title text=tu_string!(i18n, auth.title) />
        <crate::i18n::HtmlLang />
        <main class="centered-page">
            <Suspense>
                {move || Suspend::new(async move {
                    match state.await {
                        Ok((installation, _)) if installation.needs_setup => {
                            view! { <Redirect path="/" /> }.into_any()
                        }
                        Ok((_, Some(session))) if !session.accounts.is_empty() => {
                            view! { <Redirect path=routes::dashboard(session.accounts[0].id) /> }.into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
            <div class="card auth-card">
                <div class="brand">
                    <img src="/logo.svg" alt="" width="40" height="40" />
                    <span>"OneChat"</span>
                </div>
                <h1>{tu_string!(i18n, auth.heading)}</h1>
                <PostForm action=action attr:id=ids::LOGIN_FORM attr:class="form">
                    <label for="login-email">{tu_string!(i18n, auth.email)}</label>
                    <input
                        id="login-email"
                        type="email"
                        name="email"
                        autocomplete="email"
                        required
                        placeholder=tu_string!(i18n, auth.email_placeholder)
                    />
                    <label for="login-password">{tu_string!(i18n, auth.password)}</label>
                    <input
                        id="login-password"
                        type="password"
                        name="password"
                        autocomplete="current-password"
                        required
                    />
                    <FormError message=Signal::derive(move || action.error()) />
                    <button type="submit" class="button primary" disabled=pending>
                        {move || if pending.get() { tu_string!(i18n, auth.submitting) } else { tu_string!(i18n, auth.submit) }}
                    </button>
                </PostForm>
            </div>
        </main>
    }
}
