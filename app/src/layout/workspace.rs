//! The signed-in frame. Checks the session once per page load and redirects to the login
//! page when there is none.

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_params_map;
use onechat_core::wire::session::{SessionAccount, SessionUser};

use super::sidebar::Sidebar;
use super::user_menu::UserMenu;
use crate::auth::get_session;
use crate::i18n::{tu_string, use_i18n};
use crate::routes;

/// The account the workspace shows, for the pages inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentAccount {
    /// The account.
    pub account: SessionAccount,
    /// The signed-in user.
    pub user: SessionUser,
}

/// Sidebar, header and the page of the current route.
#[component]
pub fn Workspace() -> impl IntoView {
    let params = use_params_map();
    // A memo: the frame (and its live connection) is rebuilt when the account changes, not on
    // every navigation inside it.
    let account_id = Memo::new(move |_| {
        params
            .read()
            .get("account_id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let session = crate::json_resource::blocking(|| (), |_| get_session());

    view! {
        <Suspense fallback=|| view! { <div class="workspace loading" /> }>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(Some(user)) => {
                        let account = account_id
                            .get()
                            .and_then(|id| user.accounts.iter().find(|a| a.id == id).cloned());
                        match account {
                            Some(account) => {
                                // Before the frame renders: the whole page is in the account's
                                // language, on the server and when hydrating.
                                crate::i18n::use_account_locale(&account.locale);
                                let current = CurrentAccount { account, user };
                                provide_context(current.clone());
                                view! { <Frame current /> }.into_any()
                            }
                            None => match user.accounts.first() {
                                Some(first) => view! { <Redirect path=routes::dashboard(first.id) /> }.into_any(),
                                None => view! { <NoAccount /> }.into_any(),
                            },
                        }
                    }
                    _ => view! { <Redirect path=routes::LOGIN /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Frame(current: CurrentAccount) -> impl IntoView {
    let account_name = current.account.name.clone();
    // One `/cable` subscription for every page of the workspace (the bell, the thread…).
    provide_context(crate::conversations::start_live(current.account.id));
    crate::contacts::PanelOpen::provide();
    crate::notifications::provide_bell();
    view! {
        <crate::i18n::HtmlLang />
        <div class="workspace">
            <Sidebar account_id=current.account.id />
            <crate::command_bar::CommandBar account_id=current.account.id />
            <div class="workspace-main">
                <header class="topbar">
                    <span class="account-name">{account_name}</span>
                    <UserMenu
                        user=current.user.clone()
                        account_id=current.account.id
                        availability=current.account.availability
                    />
                </header>
                <main class="workspace-content">
                    <Outlet />
                </main>
            </div>
        </div>
    }
}

#[component]
fn NoAccount() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="centered-page">
            <div class="card">
                <h1>{tu_string!(i18n, layout.no_account_title)}</h1>
                <p class="muted">{tu_string!(i18n, layout.no_account_text)}</p>
            </div>
        </main>
    }
}
