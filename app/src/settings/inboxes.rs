//! Settings → Inboxes (administrators): the list, the "Add inbox" wizard (Website or API,
//! then collaborators, then the install snippet) and one inbox's tabs: settings, widget
//! builder with a live preview, collaborators and round robin, business hours, pre-chat form
//! and configuration (snippet, identity validation, API callback). Every page is a lazy
//! route, loaded as its own WASM chunk.

mod builder;
mod collaborators;
mod configuration;
mod create;
mod forms;
mod hours;
mod list;
pub mod models;
mod page;
pub mod paths;
mod pre_chat;
mod server_fns;
mod settings_tab;
mod snippet;

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

pub use server_fns::{
    CreateApiInbox, CreateWebsiteInbox, DeleteInbox, GetInboxSettings, ListInboxes, ListTimeZones,
    SetAutoAssignment, SetIdentityEnforced, SetInboxAgents, UpdateBusinessHours, UpdateCallbackUrl,
    UpdateInboxSettings, UpdatePreChatForm, UpdateWidget,
};

/// `…/settings/inboxes/list`.
pub struct InboxListRoute;

#[lazy_route]
impl LazyRoute for InboxListRoute {
    fn data() -> Self {
        InboxListRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <list::InboxListPage /> }.into_any()
    }
}

/// `…/settings/inboxes/new` and `…/new/website`, `…/new/api`.
pub struct NewInboxRoute;

#[lazy_route]
impl LazyRoute for NewInboxRoute {
    fn data() -> Self {
        NewInboxRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <create::NewInboxPage /> }.into_any()
    }
}

/// `…/settings/inboxes/new/:inbox_id/agents`.
pub struct InboxAgentsStepRoute;

#[lazy_route]
impl LazyRoute for InboxAgentsStepRoute {
    fn data() -> Self {
        InboxAgentsStepRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <create::AgentsStepPage /> }.into_any()
    }
}

/// `…/settings/inboxes/new/:inbox_id/finish`.
pub struct InboxFinishRoute;

#[lazy_route]
impl LazyRoute for InboxFinishRoute {
    fn data() -> Self {
        InboxFinishRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <create::FinishPage /> }.into_any()
    }
}

/// `…/settings/inboxes/:inbox_id?tab=`.
pub struct InboxSettingsRoute;

#[lazy_route]
impl LazyRoute for InboxSettingsRoute {
    fn data() -> Self {
        InboxSettingsRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <page::InboxSettingsPage /> }.into_any()
    }
}
