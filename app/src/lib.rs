//! The OneChat agent dashboard: Leptos pages and components, rendered on the server (`ssr`)
//! and hydrated in the browser (`hydrate`). Organised by feature; every server function is
//! a thin call into `onechat-core`'s services.

// Leptos view types nest deeply; release builds (without erase_components) need the room.
#![recursion_limit = "256"]

pub mod auth;
pub mod command_bar;
pub mod contacts;
pub mod conversations;
mod early_input;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod json_resource;
pub mod json_text;
pub mod layout;
mod lazy_pages;
pub mod notifications;
pub mod post_form;
pub mod profile;
pub mod routes;
pub mod search;
pub mod settings;
pub mod setup;
pub mod uploads;

#[cfg(feature = "ssr")]
pub mod context;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        // `lang` comes from the i18n context (`<I18nContextProvider>` below).
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The dashboard: routes to the first-run page, the login page and the workspace.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Stylesheet id="leptos" href="/pkg/dashboard.css" />
        <Title formatter=|page: String| {
            if page.is_empty() { "OneChat".to_owned() } else { format!("{page} · OneChat") }
        } />
        // No cookie: the account's language decides (see `i18n`), then `Accept-Language`.
        // `<html lang>` is set by `i18n::HtmlLang` once the page knows its language.
        <i18n::I18nContextProvider enable_cookie=false set_lang_attr_on_html=false set_dir_attr_on_html=false>
        <Router>
            <Routes fallback=routes::NotFound>
                // InOrder: Suspense content (the session check) is rendered in place on the
                // server, so pages work without JavaScript and redirects are real 302s.
                <Route path=path!("/") view={Lazy::<lazy_pages::HomeRoute>::new()} ssr=SsrMode::InOrder />
                <Route path=path!("/app") view={Lazy::<lazy_pages::HomeRoute>::new()} ssr=SsrMode::InOrder />
                <Route path=path!("/app/login") view={Lazy::<lazy_pages::LoginRoute>::new()} ssr=SsrMode::InOrder />
                <Route path=path!("/app/auth/password/edit") view={Lazy::<settings::SetPasswordRoute>::new()} ssr=SsrMode::InOrder />
                <ParentRoute
                    path=path!("/app/accounts/:account_id")
                    view=layout::Workspace
                    ssr=SsrMode::InOrder
                >
                    <Route
                        path=path!("dashboard")
                        view=conversations::ConversationsPage
                        ssr=SsrMode::InOrder
                    />
                    <Route
                        path=path!("conversations/:display_id")
                        view=conversations::ConversationsPage
                        ssr=SsrMode::InOrder
                    />
                    <Route
                        path=path!("profile/settings")
                        view={Lazy::<lazy_pages::ProfileRoute>::new()}
                        ssr=SsrMode::InOrder
                    />
                    <Route path=path!("search") view={Lazy::<lazy_pages::SearchRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("contacts") view={Lazy::<contacts::ContactsRoute>::new()} ssr=SsrMode::InOrder />
                    // The CSV import: static paths, before `contacts/:contact_id`.
                    <Route path=path!("contacts/import") view={Lazy::<contacts::import::ImportRoute>::new()} ssr=SsrMode::InOrder />
                    <Route
                        path=path!("contacts/imports/:import_id")
                        view={Lazy::<contacts::import::ImportStatusRoute>::new()}
                        ssr=SsrMode::InOrder
                    />
                    <Route
                        path=path!("contacts/segments/:segment_id")
                        view={Lazy::<contacts::ContactsRoute>::new()}
                        ssr=SsrMode::InOrder
                    />
                    <Route
                        path=path!("contacts/:contact_id")
                        view={Lazy::<contacts::ContactRoute>::new()}
                        ssr=SsrMode::InOrder
                    />
                    <Route
                        path=path!("notifications")
                        view={Lazy::<lazy_pages::NotificationsRoute>::new()}
                        ssr=SsrMode::InOrder
                    />
                    <Route path=path!("settings") view=settings::SettingsIndex ssr=SsrMode::InOrder />
                    <Route path=path!("settings/general") view={Lazy::<settings::GeneralRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/agents/list") view={Lazy::<settings::AgentsRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/teams/list") view={Lazy::<settings::TeamsRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/labels/list") view={Lazy::<settings::LabelsRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/canned-response/list") view={Lazy::<settings::CannedRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/custom-attributes/list") view={Lazy::<settings::AttributesRoute>::new()} ssr=SsrMode::InOrder />
                    // Settings → Inboxes: the static paths before `:inbox_id`.
                    <Route path=path!("settings/inboxes/list") view={Lazy::<settings::inboxes::InboxListRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/inboxes/new") view={Lazy::<settings::inboxes::NewInboxRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/inboxes/new/:inbox_id/agents") view={Lazy::<settings::inboxes::InboxAgentsStepRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/inboxes/new/:inbox_id/finish") view={Lazy::<settings::inboxes::InboxFinishRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/inboxes/new/:channel") view={Lazy::<settings::inboxes::NewInboxRoute>::new()} ssr=SsrMode::InOrder />
                    <Route path=path!("settings/inboxes/:inbox_id") view={Lazy::<settings::inboxes::InboxSettingsRoute>::new()} ssr=SsrMode::InOrder />
                    <Route
                        path=path!("")
                        view=conversations::ConversationsPage
                        ssr=SsrMode::InOrder
                    />
                </ParentRoute>
            </Routes>
        </Router>
        </i18n::I18nContextProvider>
    }
}

/// Browser entry point: hydrate the server-rendered HTML, then set `data-hydrated` on
/// `<body>`, which tells tests (and CSS) that every part of the page is live.
///
/// Like `leptos::mount::hydrate_lazy`, this waits for the chunk of a lazily loaded page opened
/// directly (see `lazy_pages`) before hydrating it. The attribute is set only once that is
/// done: an effect set it before, and effects can run while the page's chunk is still
/// loading, so a form could be submitted natively before its handler existed.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let Some(body) = document().body() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let app = leptos::mount::hydrate_from_async(body.clone(), App).await;
        let _ = body.set_attribute("data-hydrated", "true");
        // The page lives as long as the tab.
        app.forget();
    });
}
