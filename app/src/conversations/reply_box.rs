//! The reply box: a textarea where Enter sends and Shift+Enter starts a new line, and the
//! Reply / Private note toggle. It is a real form posting to `SendReply`, so sending text also
//! works without JavaScript. With JavaScript: `/` opens the canned-response picker, `@` the
//! mention picker (notes), `{{` the template variables, typing is announced, and the tools
//! row adds emoji, attachments (button, drop, paste) and the rich text toolbar.

use leptos::ev::{DragEvent, KeyboardEvent, SubmitEvent};
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use super::canned::{CannedMenu, CannedPicker};
use super::reply::attachments::{AttachButton, AttachmentChips, Attachments};
use super::reply::editing;
use super::reply::emoji::EmojiPicker;
use super::reply::mention_picker::{MentionMenu, MentionPicker};
use super::reply::toolbar::{self, FormatBar};
use super::reply::variable_picker::{VariableMenu, VariablePicker};
use super::server_fns::SendReply;
use super::typing::Typing;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::layout::FormError;
use crate::post_form::FormAction;

/// Posts to the open conversation through `action`.
#[component]
pub fn ReplyBox(account_id: i64, display_id: i64, action: FormAction) -> impl IntoView {
    let i18n = use_i18n();
    let content = RwSignal::new(String::new());
    let note = RwSignal::new(false);
    let rich = RwSignal::new(false);
    let caret = RwSignal::new(0usize);
    let area = NodeRef::<Textarea>::new();
    let pending = action.pending();
    let picker = CannedPicker::new(account_id, content, caret);
    let mentions = MentionPicker::new(account_id, content, caret, note, area);
    let variables = VariablePicker::new(content, caret, area);
    let attachments = Attachments::new();
    let reading = attachments.busy();
    let typing = Typing::new(account_id, display_id);
    // The tools need JavaScript: shown once hydrated (effects only run in the browser).
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let seen_version = StoredValue::new(action.version().get_untracked());
    // Clear the box once the server took the message (not before: a failed send keeps it).
    Effect::new(move |_| {
        let version = action.version().get();
        if version != seen_version.get_value() {
            seen_version.set_value(version);
            if matches!(action.value().get_untracked(), Some(Ok(_))) {
                content.set(String::new());
                caret.set(0);
                attachments.clear();
                mentions.clear();
                typing.stop();
            }
        }
    });
    let send = move || {
        let text = content.get_untracked();
        let empty = text.trim().is_empty() && !attachments.any();
        if empty || pending.get_untracked() || reading.get_untracked() {
            return;
        }
        typing.stop();
        let private = note.get_untracked();
        action.send_json(&SendReply {
            account_id,
            display_id,
            content: if private {
                mentions.mark_up(&text)
            } else {
                text
            },
            mode: if private { "note" } else { "reply" }.to_owned(),
            attachments: attachments.to_send(),
        });
    };
    let track_caret = move || {
        let text = content.get_untracked();
        caret.set(editing::selection(area, &text).1);
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if mentions.on_keydown(&ev)
            || variables.on_keydown(&ev)
            || picker.on_keydown(&ev)
            || toolbar::shortcut(&ev, rich.get_untracked(), area, content)
        {
            return;
        }
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    };
    // With JavaScript the form never posts itself: the dispatch carries files and mentions.
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };

    view! {
        <form
            id=ids::REPLY_FORM
            class=move || if note.get() { "reply-box note" } else { "reply-box" }
            action=SendReply::url()
            method="post"
            on:submit=on_submit
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=move |ev: DragEvent| attachments.on_drop(ev)
        >
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="display_id" value=display_id />
            <fieldset class="reply-mode">
                <legend class="visually-hidden">{tu_string!(i18n, reply.message_type)}</legend>
                <label>
                    <input type="radio" name="mode" value="reply" checked on:change=move |_| note.set(false) />
                    {tu_string!(i18n, reply.reply)}
                </label>
                <label>
                    <input type="radio" name="mode" value="note" on:change=move |_| note.set(true) />
                    {tu_string!(i18n, reply.private_note)}
                </label>
            </fieldset>
            <CannedMenu picker />
            <MentionMenu picker=mentions />
            <VariableMenu picker=variables />
            <Show when=move || rich.get()>
                <FormatBar area content />
            </Show>
            <textarea
                node_ref=area
                name="content"
                aria-label=tu_string!(i18n, reply.message)
                rows="3"
                placeholder=move || {
                    if note.get() {
                        tu_string!(i18n, reply.note_placeholder)
                    } else {
                        tu_string!(i18n, reply.reply_placeholder)
                    }
                }
                prop:value=move || content.get()
                on:input=move |ev| {
                    content.set(event_target_value(&ev));
                    track_caret();
                    picker.on_input();
                    mentions.on_input();
                    variables.on_input();
                    typing.input(note.get_untracked());
                }
                on:keyup=move |ev: KeyboardEvent| {
                    // Arrow keys move the caret without input; the mention query follows it.
                    if ev.key().starts_with("Arrow") || ev.key() == "Home" || ev.key() == "End" {
                        track_caret();
                    }
                }
                on:click=move |_| track_caret()
                on:paste=move |ev| attachments.on_paste(ev)
                on:keydown=on_keydown
            ></textarea>
            <AttachmentChips attachments />
            <FormError message=Signal::derive(move || {
                action.value().get().and_then(Result::err).map(|e| e.to_string())
            }) />
            <div class="reply-actions">
                <Show when=move || hydrated.get() fallback=|| view! { <span></span> }>
                    <div class="reply-tools">
                        <EmojiPicker area content />
                        <AttachButton attachments />
                        <button
                            type="button"
                            id=ids::RICH_TEXT_TOGGLE
                            class="reply-tool"
                            aria-label=tu_string!(i18n, reply.rich_text)
                            title=tu_string!(i18n, reply.rich_text_title)
                            aria-pressed=move || rich.get().to_string()
                            on:click=move |_| rich.update(|on| *on = !*on)
                        >
                            "Aa"
                        </button>
                    </div>
                </Show>
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || pending.get() || reading.get()
                >
                    {move || {
                        if note.get() {
                            tu_string!(i18n, reply.add_note)
                        } else {
                            tu_string!(i18n, reply.send)
                        }
                    }}
                </button>
            </div>
        </form>
    }
}
