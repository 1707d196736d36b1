//! The contacts pages as lazy routes: each is its own WASM chunk (`cargo leptos build
//! --split`), fetched the first time one opens, so the main bundle does not grow.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// `…/contacts` and `…/contacts/segments/:segment_id`.
pub struct ContactsRoute;

#[lazy_route]
impl LazyRoute for ContactsRoute {
    fn data() -> Self {
        ContactsRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <super::list::ContactsPage /> }.into_any()
    }
}

/// `…/contacts/:contact_id`.
pub struct ContactRoute;

#[lazy_route]
impl LazyRoute for ContactRoute {
    fn data() -> Self {
        ContactRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <super::details::ContactPage /> }.into_any()
    }
}
