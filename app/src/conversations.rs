//! The conversations workspace. (The live list and thread arrive with the dashboard issue.)

use leptos::prelude::*;
use leptos_meta::Title;

use crate::layout::CurrentAccount;

/// The account's conversation home.
#[component]
pub fn ConversationsHome() -> impl IntoView {
    let current = use_context::<CurrentAccount>();
    let name = current.map(|c| c.user.available_name).unwrap_or_default();
    view! {
        <Title text="Conversations" />
        <section class="empty-state">
            <h1>{format!("Welcome, {name}")}</h1>
            <p class="muted">"There are no conversations in your inboxes yet."</p>
        </section>
    }
}
