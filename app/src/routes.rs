//! URL builders and the not-found page. Paths follow Chatwoot's dashboard URLs.

use leptos::prelude::*;
use leptos_meta::Title;

/// Where signed-out visitors go.
pub const LOGIN: &str = "/app/login";

/// The workspace of an account.
pub fn dashboard(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/dashboard")
}

/// One conversation of an account, by its display id (Chatwoot's URL).
pub fn conversation(account_id: i64, display_id: i64) -> String {
    format!("/app/accounts/{account_id}/conversations/{display_id}")
}

/// The signed-in user's profile settings (Chatwoot's URL).
pub fn profile_settings(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/profile/settings")
}

/// The signed-in user's notifications in an account.
pub fn notifications(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/notifications")
}

/// The message search of an account (the text goes in `?q=`).
pub fn search(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/search")
}

/// Shown for any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found" />
        <main class="centered-page">
            <div class="card">
                <h1>"Page not found"</h1>
                <p class="muted">"The page you were looking for does not exist."</p>
                <a class="button" href="/">"Go to OneChat"</a>
            </div>
        </main>
    }
}
