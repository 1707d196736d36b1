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

/// The settings of an account (the first section the member may open).
pub fn settings(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/settings")
}

/// The message search of an account (the text goes in `?q=`).
pub fn search(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/search")
}

/// The contacts of an account (Chatwoot's URL; `?q=`, `?sort=`, `?page=`, `?filter=`).
pub fn contacts(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts")
}

/// One contact's page.
pub fn contact(account_id: i64, contact_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts/{contact_id}")
}

/// A saved contact segment (Chatwoot's URL).
pub fn contact_segment(account_id: i64, segment_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts/segments/{segment_id}")
}

/// Shown for any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=crate::i18n::tu_string!(i18n, common.not_found.title) />
        <main class="centered-page">
            <div class="card">
                <h1>{crate::i18n::tu_string!(i18n, common.not_found.title)}</h1>
                <p class="muted">{crate::i18n::tu_string!(i18n, common.not_found.text)}</p>
                <a class="button" href="/">{crate::i18n::tu_string!(i18n, common.not_found.home)}</a>
            </div>
        </main>
    }
}
