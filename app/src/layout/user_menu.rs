//! The avatar button and its menu (availability, profile, log out).

use leptos::prelude::*;
use onechat_core::domain::Availability;
use onechat_core::wire::session::SessionUser;

use crate::auth::LogOut;
use crate::ids;
use crate::profile::AvailabilityMenu;
use crate::routes;

/// The signed-in user's avatar; a click opens the menu. Opening is client-side state, so the
/// menu only works once the page is hydrated.
#[component]
pub fn UserMenu(user: SessionUser, account_id: i64, availability: Availability) -> impl IntoView {
    let open = RwSignal::new(false);
    let log_out = ServerAction::<LogOut>::new();
    let initials = initials(&user.available_name);

    view! {
        <div class="user-menu-anchor">
            <button
                id=ids::USER_MENU_BUTTON
                class="avatar-button"
                type="button"
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls=ids::USER_MENU
                title=user.available_name.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="avatar" aria-hidden="true">{initials}</span>
                <span class="visually-hidden">"Open user menu"</span>
            </button>
            <div id=ids::USER_MENU class="menu" role="menu" hidden=move || !open.get()>
                <div class="menu-header">
                    <strong>{user.available_name.clone()}</strong>
                    <span class="muted">{user.email.clone()}</span>
                </div>
                <AvailabilityMenu account_id initial=availability />
                <a class="menu-item" role="menuitem" href=routes::profile_settings(account_id)>
                    "Profile settings"
                </a>
                <ActionForm action=log_out>
                    <button type="submit" class="menu-item" role="menuitem">"Log out"</button>
                </ActionForm>
            </div>
        </div>
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}
