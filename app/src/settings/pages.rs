//! The settings' lazily loaded routes: each page is its own WASM chunk, fetched the first
//! time it opens (see `crate::lazy_pages`).

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// Declares a lazy route struct showing one page component.
macro_rules! lazy_page {
    ($(#[$meta:meta])* $route:ident => $page:path) => {
        $(#[$meta])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    };
}

lazy_page!(
    /// `…/settings/general`.
    GeneralRoute => super::general::GeneralPage
);
lazy_page!(
    /// `…/settings/agents/list`.
    AgentsRoute => super::agents::AgentsPage
);
lazy_page!(
    /// `…/settings/teams/list`.
    TeamsRoute => super::teams::TeamsPage
);
lazy_page!(
    /// `…/settings/labels/list`.
    LabelsRoute => super::labels::LabelsPage
);
lazy_page!(
    /// `…/settings/canned-response/list`.
    CannedRoute => super::canned::CannedPage
);
lazy_page!(
    /// `…/settings/custom-attributes/list`.
    AttributesRoute => super::attributes::AttributesPage
);
lazy_page!(
    /// `/app/auth/password/edit`.
    SetPasswordRoute => super::password::SetPasswordPage
);
