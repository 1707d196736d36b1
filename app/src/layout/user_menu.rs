//! The avatar button and its menu (availability, profile, log out).

use leptos::prelude::*;
use onechat_core::domain::Availability;
use onechat_core::wire::session::SessionUser;

use crate::auth::LogOut;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::post_form::{FormAction, PostForm};
use crate::profile::AvailabilityMenu;
use crate::routes;

/// The signed-in user's avatar; a click opens the menu. Opening is client-side state, so the
/// menu only works once the page is hydrated.
#[component]
pub fn UserMenu(user: SessionUser, account_id: i64, availability: Availability) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let log_out = FormAction::of::<LogOut>();
    let initials = crate::profile::initials(&user.available_name);
    let avatar = if user.avatar_url.is_empty() {
        view! { <span class="avatar" aria-hidden="true">{initials}</span> }.into_any()
    } else {
        view! { <img class="avatar" src=user.avatar_url.clone() alt="" /> }.into_any()
    };

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
                {avatar}
                <span class="visually-hidden">{tu_string!(i18n, layout.open_user_menu)}</span>
            </button>
            <div id=ids::USER_MENU class="menu" role="menu" hidden=move || !open.get()>
                <div class="menu-header">
                    <strong>{user.available_name.clone()}</strong>
                    <span class="muted">{user.email.clone()}</span>
                </div>
                <AvailabilityMenu account_id initial=availability />
                <a class="menu-item" role="menuitem" href=routes::profile_settings(account_id)>
                    {tu_string!(i18n, layout.profile_settings)}
                </a>
                <PostForm action=log_out>
                    <button type="submit" class="menu-item" role="menuitem">{tu_string!(i18n, layout.log_out)}</button>
                </PostForm>
            </div>
        </div>
    }
}
