//! Pages the browser loads on demand. Each is split into its own WASM chunk by
//! `cargo leptos build --split`, so the main bundle carries only the workspace frame and the
//! conversations page; the router fetches a chunk the first time its page
//! opens (hydrating a page opened directly waits for its chunk).

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// `…/profile/settings`.
pub struct ProfileRoute;

#[lazy_route]
impl LazyRoute for ProfileRoute {
    fn data() -> Self {
        ProfileRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::profile::ProfilePage /> }.into_any()
    }
}

/// `…/notifications`.
pub struct NotificationsRoute;

#[lazy_route]
impl LazyRoute for NotificationsRoute {
    fn data() -> Self {
        NotificationsRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::notifications::NotificationsPage /> }.into_any()
    }
}

/// `…/search?q=`.
pub struct SearchRoute;

#[lazy_route]
impl LazyRoute for SearchRoute {
    fn data() -> Self {
        SearchRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::search::SearchPage /> }.into_any()
    }
}

/// `/app/login`: signed-out visitors only, so not in the workspace's bundle.
pub struct LoginRoute;

#[lazy_route]
impl LazyRoute for LoginRoute {
    fn data() -> Self {
        LoginRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::auth::LoginPage /> }.into_any()
    }
}

/// `/` and `/app`: the first-run setup, or a redirect to where the visitor belongs.
pub struct HomeRoute;

#[lazy_route]
impl LazyRoute for HomeRoute {
    fn data() -> Self {
        HomeRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::setup::HomePage /> }.into_any()
    }
}
