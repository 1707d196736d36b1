//! The conversations page: the list on the left, the open thread (or a welcome) on the right.
//! Filters live in the query string, so tabs are plain links that work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::actions::ThreadActions;
use super::list_pane::{ConversationList, Filters, Paging};
use super::live;
use super::server_fns::{SendReply, list_conversations};
use super::thread::ThreadView;
use crate::i18n::fill;
use crate::i18n::{tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::post_form::FormAction;

/// `/app/accounts/:account_id/dashboard` and `…/conversations/:display_id`.
#[component]
pub fn ConversationsPage() -> impl IntoView {
    let Some(current) = use_context::<CurrentAccount>() else {
        // Only reachable outside the workspace frame, which always provides the account.
        return ().into_any();
    };
    let i18n = use_i18n();
    let account_id = current.account.id;
    let name = current.user.available_name;
    let params = use_params_map();
    let query = use_query_map();
    let display_id = Memo::new(move |_| {
        params
            .read()
            .get("display_id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let filters = Memo::new(move |_| {
        let query = query.read();
        Filters::from_query(|name| query.get(name))
    });
    let paging = Paging::new(filters);
    let live = live::from_context(account_id);
    let reply = FormAction::of::<SendReply>();
    let actions = ThreadActions::new();
    let list = crate::json_resource::new(
        move || {
            (
                filters.get(),
                paging.pages.get(),
                live.tick.get(),
                reply.version().get(),
                actions.version(),
            )
        },
        move |(filters, pages, ..)| {
            list_conversations(account_id, (&filters.with_page(pages)).into())
        },
    );

    view! {
        <Title text=tu_string!(i18n, conversations.title) />
        <div class="conversations">
            <ConversationList account_id filters selected=display_id list paging />
            <section class="thread-pane" aria-label=tu_string!(i18n, conversations.thread_pane)>
                {move || match display_id.get() {
                    Some(id) => {
                        view! { <ThreadView account_id display_id=id live reply actions /> }
                            .into_any()
                    }
                    None => {
                        view! {
                            <div class="empty-state">
                                <h1>{fill(tu_string!(i18n, conversations.welcome), &[("name", &name)])}</h1>
                                <p class="muted">{tu_string!(i18n, conversations.pick_conversation)}</p>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </section>
            {move || display_id.get().map(|display_id| view! { <crate::contacts::ContactPanel account_id display_id /> })}
        </div>
    }
    .into_any()
}
