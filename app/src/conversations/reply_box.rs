//! The reply box: a textarea where Enter sends and Shift+Enter starts a new line, and the
//! Reply / Private note toggle. It is a real form, so sending also works without JavaScript.
//! With JavaScript, `/` opens the canned-response picker and typing is announced.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::canned::{CannedMenu, CannedPicker};
use super::server_fns::SendReply;
use super::typing::Typing;
use crate::ids;
use crate::layout::FormError;

/// Posts to the open conversation through `action`.
#[component]
pub fn ReplyBox(
    account_id: i64,
    display_id: i64,
    action: ServerAction<SendReply>,
) -> impl IntoView {
    let content = RwSignal::new(String::new());
    let note = RwSignal::new(false);
    let pending = action.pending();
    let picker = CannedPicker::new(account_id, content);
    let typing = Typing::new(account_id, display_id);
    let seen_version = StoredValue::new(action.version().get_untracked());
    // Clear the box once the server took the message (not before: a failed send keeps it).
    Effect::new(move |_| {
        let version = action.version().get();
        if version != seen_version.get_value() {
            seen_version.set_value(version);
            if matches!(action.value().get_untracked(), Some(Ok(()))) {
                content.set(String::new());
                typing.stop();
            }
        }
    });
    let send = move || {
        let text = content.get_untracked();
        if text.trim().is_empty() || pending.get_untracked() {
            return;
        }
        typing.stop();
        let mode = if note.get_untracked() {
            "note"
        } else {
            "reply"
        };
        action.dispatch(SendReply {
            account_id,
            display_id,
            content: text,
            mode: mode.to_owned(),
        });
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if picker.on_keydown(&ev) {
            return;
        }
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };

    view! {
        <ActionForm
            action
            attr:id=ids::REPLY_FORM
            attr:class=move || if note.get() { "reply-box note" } else { "reply-box" }
        >
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="display_id" value=display_id />
            <fieldset class="reply-mode">
                <legend class="visually-hidden">"Message type"</legend>
                <label>
                    <input type="radio" name="mode" value="reply" checked on:change=move |_| note.set(false) />
                    "Reply"
                </label>
                <label>
                    <input type="radio" name="mode" value="note" on:change=move |_| note.set(true) />
                    "Private note"
                </label>
            </fieldset>
            <CannedMenu picker />
            <textarea
                name="content"
                aria-label="Message"
                rows="3"
                placeholder=move || {
                    if note.get() {
                        "Only your team sees private notes"
                    } else {
                        "Enter to send, Shift + Enter for a new line"
                    }
                }
                prop:value=move || content.get()
                on:input=move |ev| {
                    content.set(event_target_value(&ev));
                    picker.on_input();
                    typing.input(note.get_untracked());
                }
                on:keydown=on_keydown
            ></textarea>
            <FormError message=Signal::derive(move || {
                action.value().get().and_then(Result::err).map(|e| e.to_string())
            }) />
            <button type="submit" class="button primary" disabled=move || pending.get()>
                {move || if note.get() { "Add note" } else { "Send" }}
            </button>
        </ActionForm>
    }
}
