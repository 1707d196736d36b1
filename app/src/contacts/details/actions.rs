//! The contact page's folded actions, each a plain form that works without JavaScript:
//! starting an outbound conversation, merging another contact into this one (search, pick,
//! confirm, all in the query string), and deleting the contact after a confirmation.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::models::ReachableInbox;
use super::page::error_of;
use super::server_fns::{DeleteContact, MergeContacts, StartConversation, merge_candidates};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::routes;

/// "New conversation": an inbox the contact can be reached in and the first message.
#[component]
pub fn NewConversationSection(
    account_id: i64,
    contact_id: i64,
    inboxes: Vec<ReachableInbox>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartConversation>::new();
    let none = inboxes.is_empty();
    let options = inboxes
        .into_iter()
        .map(|inbox| view! { <option value=inbox.id>{inbox.name}</option> })
        .collect_view();
    view! {
        <details class="panel-section" id="contact-new-conversation">
            <summary class="button primary">{tu_string!(i18n, contacts.details.new_conversation)}</summary>
            {none.then(|| view! {
                <p class="muted">{tu_string!(i18n, contacts.details.unreachable)}</p>
            })}
            <ActionForm action=start attr:class="form compact" attr:hidden=none>
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact_id />
                <label for="new-conversation-inbox">{tu_string!(i18n, contacts.details.inbox)}</label>
                <select id="new-conversation-inbox" name="inbox_id" required>
                    {options}
                </select>
                <label for="new-conversation-message">{tu_string!(i18n, contacts.details.message)}</label>
                <textarea id="new-conversation-message" name="message" rows="3" required></textarea>
                <p class="form-error" role="alert">{error_of(start.value())}</p>
                <button type="submit" class="button primary" disabled=start.pending()>
                    {tu_string!(i18n, contacts.details.send)}
                </button>
            </ActionForm>
        </details>
    }
}

/// "Merge": find another contact (`?merge_q=`), pick it (`?merge_with=`), confirm; the
/// other contact is merged into this one and deleted.
#[component]
pub fn MergeSection(
    account_id: i64,
    contact_id: i64,
    name: String,
    open: bool,
    merge: ServerAction<MergeContacts>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("merge_q").unwrap_or_default());
    let pick = Memo::new(move |_| {
        query
            .read()
            .get("merge_with")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let found = crate::json_resource::new(
        move || (q.get(), pick.get()),
        move |(q, pick)| async move {
            if q.trim().is_empty() && pick.is_none() {
                Ok(Vec::new())
            } else {
                merge_candidates(account_id, contact_id, q, pick).await
            }
        },
    );
    let here = routes::contact(account_id, contact_id);
    let link_base = here.clone();
    view! {
        <details class="panel-section" id="contact-merge" open=open>
            <summary class="button">{tu_string!(i18n, contacts.details.merge)}</summary>
            <p class="muted">
                {fill(tu_string!(i18n, contacts.details.merge_help), &[("name", &name)])}
            </p>
            <form class="contacts-search" method="get" action=here role="search">
                <label for="merge-q">{tu_string!(i18n, contacts.details.merge_find_label)}</label>
                <input id="merge-q" type="search" name="merge_q" value=move || q.get() required />
                <button type="submit" class="button">{tu_string!(i18n, contacts.details.find)}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    let link_base = link_base.clone();
                    Suspend::new(async move {
                        match found.await {
                            Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
                            Ok(candidates) => match pick.get_untracked() {
                                Some(_) => candidates
                                    .into_iter()
                                    .next()
                                    .map(|other| view! {
                                        <ActionForm action=merge attr:id="merge-confirm" attr:class="form compact">
                                            <input type="hidden" name="account_id" value=account_id />
                                            <input type="hidden" name="base_id" value=contact_id />
                                            <input type="hidden" name="mergee_id" value=other.id />
                                            <p>
                                                {fill(tu_string!(i18n, contacts.details.merge_confirm), &[("name", &other.name)])}
                                            </p>
                                            <p class="form-error" role="alert">{error_of(merge.value())}</p>
                                            <button type="submit" class="button danger" disabled=merge.pending()>
                                                {tu_string!(i18n, contacts.details.merge_contacts)}
                                            </button>
                                        </ActionForm>
                                    })
                                    .into_any(),
                                None => {
                                    let q = q.get_untracked();
                                    let empty = candidates.is_empty() && !q.trim().is_empty();
                                    let items = candidates
                                        .into_iter()
                                        .map(|c| {
                                            let href = format!(
                                                "{link_base}?merge_q={}&merge_with={}",
                                                crate::conversations::list_filters::encode(&q),
                                                c.id
                                            );
                                            view! {
                                                <li>
                                                    // A full page load: the confirmation is rendered by the server from the query.
                                                    <a href=href rel="external" class="merge-candidate" data-contact-id=c.id>
                                                        <strong>{c.name}</strong>
                                                        " "
                                                        <span class="muted">{c.reach}</span>
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view();
                                    view! {
                                        {empty.then(|| view! { <p class="muted">{tu_string!(i18n, contacts.details.no_merge_match)}</p> })}
                                        <ul class="merge-candidates">{items}</ul>
                                    }
                                        .into_any()
                                }
                            },
                        }
                    })
                }}
            </Suspense>
        </details>
    }
}

/// "Delete contact": folded behind a confirmation (administrators only).
#[component]
pub fn DeleteSection(account_id: i64, contact_id: i64, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let delete = ServerAction::<DeleteContact>::new();
    view! {
        <details class="panel-section" id="contact-delete">
            <summary class="button danger">{tu_string!(i18n, contacts.details.delete_contact)}</summary>
            <ActionForm action=delete attr:class="form compact">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="contact_id" value=contact_id />
                <p>{fill(tu_string!(i18n, contacts.details.delete_confirm), &[("name", &name)])}</p>
                <p class="form-error" role="alert">{error_of(delete.value())}</p>
                <button type="submit" class="button danger" disabled=delete.pending()>
                    {tu_string!(i18n, contacts.yes_delete)}
                </button>
            </ActionForm>
        </details>
    }
}
