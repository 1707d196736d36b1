//! The open conversation: header with its actions, the messages, and the reply box.

use leptos::prelude::*;
use onechat_core::domain::StoredEnum as _;

use super::actions::{ConversationDetails, StatusActions, ThreadActions};
use super::live::Live;
use super::models::{Thread, ThreadMessage, relative_time};
use super::reply_box::ReplyBox;
use super::server_fns::{SendReply, get_thread};
use crate::ids;

/// The right pane for `display_id`. The reply box sits outside the refetched part, so a live
/// update never wipes what the agent is typing.
#[component]
pub fn ThreadView(
    account_id: i64,
    display_id: i64,
    live: Live,
    reply: ServerAction<SendReply>,
    actions: ThreadActions,
) -> impl IntoView {
    let thread = Resource::new(
        move || (live.tick.get(), reply.version().get(), actions.version()),
        move |_| get_thread(account_id, display_id),
    );
    view! {
        <Transition fallback=|| view! { <p class="muted list-note">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(thread) => view! { <ThreadBody thread account_id actions /> }.into_any(),
                    Err(error) => view! {
                        <p class="form-error list-note" role="alert">{error.to_string()}</p>
                    }.into_any(),
                }
            })}
        </Transition>
        <ReplyBox account_id display_id action=reply />
    }
}

#[component]
fn ThreadBody(thread: Thread, account_id: i64, actions: ThreadActions) -> impl IntoView {
    let Thread {
        display_id,
        contact_name,
        status: thread_status,
        details,
        messages,
        now,
    } = thread;
    let messages = messages
        .into_iter()
        .map(|message| view! { <MessageItem message now /> })
        .collect_view();
    view! {
        <header class="thread-header">
            <h2>{contact_name}</h2>
            <span class="status-badge">{thread_status.as_str()}</span>
            // Keyed, so the forms are re-created when what they show changes (which also
            // closes the snooze menu), and left alone by refetches that change nothing else.
            <For each=move || [thread_status] key=|status| status.as_str() let:thread_status>
                <StatusActions thread_status account_id display_id actions />
            </For>
        </header>
        <For each=move || [details.clone()] key=|details| details.clone() let:details>
            <ConversationDetails details account_id display_id actions />
        </For>
        // column-reverse keeps the view pinned to the newest message as messages arrive.
        <div class="thread-scroll">
            <ol id=ids::THREAD class="thread" aria-label="Messages">{messages}</ol>
        </div>
    }
}

#[component]
fn MessageItem(message: ThreadMessage, now: i64) -> impl IntoView {
    let time = relative_time(message.created_at, now);
    view! {
        <li class=message.kind.class() data-message-id=message.id>
            {message.sender_name.map(|name| view! { <span class="sender">{name}</span> })}
            // A text node: message content is never parsed as HTML.
            <p class="content">{message.content}</p>
            <time class="muted">{time}</time>
        </li>
    }
}
