//! The navigation rail.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ids;
use crate::notifications::NotificationBell;

/// Links to the workspace's sections.
#[component]
pub fn Sidebar(account_id: i64) -> impl IntoView {
    let base = format!("/app/accounts/{account_id}");
    view! {
        <nav id=ids::SIDEBAR class="sidebar" aria-label="Main">
            <a class="sidebar-brand" href=format!("{base}/dashboard") aria-label="OneChat home">
                <img src="/logo.svg" alt="" width="28" height="28" />
            </a>
            <ul>
                <li>
                    <A href=format!("{base}/dashboard") attr:class="sidebar-link">
                        <span class="icon" aria-hidden="true">"💬"</span>
                        <span>"Conversations"</span>
                    </A>
                </li>
                <li>
                    <NotificationBell account_id />
                </li>
            </ul>
        </nav>
    }
}
