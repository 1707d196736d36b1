//! The open conversation: header with Resolve / Reopen, the messages, and the reply box.

use leptos::prelude::*;
use onechat_core::domain::{ConversationStatus, StoredEnum as _};

use super::live::Live;
use super::models::{Thread, ThreadMessage, relative_time};
use super::reply_box::ReplyBox;
use super::server_fns::{SendReply, ToggleConversationStatus, get_thread};
use crate::ids;

/// The right pane for `display_id`. The reply box sits outside the refetched part, so a live
/// update never wipes what the agent is typing.
#[component]
pub fn ThreadView(
    account_id: i64,
    display_id: i64,
    live: Live,
    reply: ServerAction<SendReply>,
    toggle: ServerAction<ToggleConversationStatus>,
) -> impl IntoView {
    let thread = Resource::new(
        move || {
            (
                live.tick.get(),
                reply.version().get(),
                toggle.version().get(),
            )
        },
        move |_| get_thread(account_id, display_id),
    );
    view! {
        <Transition fallback=|| view! { <p class="muted list-note">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(thread) => view! { <ThreadBody thread account_id toggle /> }.into_any(),
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
fn ThreadBody(
    thread: Thread,
    account_id: i64,
    toggle: ServerAction<ToggleConversationStatus>,
) -> impl IntoView {
    let is_open = thread.status == ConversationStatus::Open;
    let status = thread.status.as_str();
    let now = thread.now;
    let messages = thread
        .messages
        .into_iter()
        .map(|message| view! { <MessageItem message now /> })
        .collect_view();
    view! {
        <header class="thread-header">
            <h2>{thread.contact_name}</h2>
            <span class="status-badge">{status}</span>
            <ActionForm action=toggle attr:class="inline-form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="display_id" value=thread.display_id />
                <button type="submit" class="button" disabled=move || toggle.pending().get()>
                    {if is_open { "Resolve" } else { "Reopen" }}
                </button>
            </ActionForm>
        </header>
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
