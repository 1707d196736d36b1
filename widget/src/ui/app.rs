//! The window's frame: colour and colour scheme, then header, body and the bottom bar. Leptos
//! owns the signals and effects; the DOM itself is built by the plain helpers in `build`.

use leptos::html::Main;
use leptos::prelude::*;
use web_sys::Element;

use crate::actions::send;
use crate::logic::i18n::text;
use crate::state::{Chat, use_chat};
use crate::ui::build::{add, bind_attr, bind_show, bind_text, el, label, link, on, text_el};
use crate::ui::{composer, header, messages, prechat};

/// The chat window.
#[component]
pub fn ChatWindow() -> impl IntoView {
    let chat = use_chat();
    let root = NodeRef::<Main>::new();
    Effect::new(move |_| {
        if let Some(main) = root.get() {
            // Built once; the bindings inside track their own signals.
            untrack(|| build(chat, &main));
        }
    });
    view! { <main class="chat-window" node_ref=root></main> }
}

fn build(chat: Chat, main: &Element) {
    bind_attr(main, "class", move || {
        let base = chat.prefs.with(|p| match p.dark_mode.as_str() {
            "dark" => "chat-window dark",
            "auto" => "chat-window auto",
            _ => "chat-window",
        });
        if chat.unread_view.get() {
            format!("{base} unread-preview")
        } else {
            base.to_owned()
        }
    });
    let color = chat
        .boot
        .with_value(|b| b.channel.widget_color.clone())
        .unwrap_or_default();
    // Only a plain colour goes into the style attribute.
    let plain = !color.is_empty()
        && color
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "#(),. %".contains(c));
    let color = if plain { color } else { "#1f93ff".into() };
    crate::ui::build::set(main, "style", &format!("--widget-color:{color}"));
    // A click anywhere in the unread preview opens the conversation properly.
    crate::ui::build::on(main, "click", move |_| {
        if chat.unread_view.get_untracked() {
            crate::host::engaged(chat);
        }
    });

    let pre_chat_on = move || {
        chat.boot.with_value(|b| b.channel.pre_chat_form_enabled)
            && chat.loaded.get()
            && chat.conversation.with(Option::is_none)
            && chat.messages.with(Vec::is_empty)
    };
    add(main, &header::header(chat));
    let form = prechat::pre_chat(chat);
    bind_show(&form, pre_chat_on);
    add(main, &form);
    let conversation = el("div", "conversation");
    bind_show(&conversation, move || !pre_chat_on());
    add(&conversation, &messages::message_list(chat));
    add(&conversation, &footer(chat));
    add(main, &conversation);
    if let Some(branding) = branding(chat) {
        add(main, &branding);
    }
}

/// Error and notice lines, then the composer or the "conversation ended" bar.
fn footer(chat: Chat) -> Element {
    let footer = el("div", "footer");
    let error = el("p", "widget-error");
    crate::ui::build::set(&error, "role", "alert");
    bind_text(&error, move || chat.error.get().unwrap_or_default());
    bind_show(&error, move || chat.error.with(Option::is_some));
    add(&footer, &error);
    let notice = el("p", "widget-notice");
    crate::ui::build::set(&notice, "role", "status");
    bind_text(&notice, move || chat.notice.get().unwrap_or_default());
    bind_show(&notice, move || chat.notice.with(Option::is_some));
    add(&footer, &notice);

    let ended = el("div", "conversation-ended");
    let line = el("p", "");
    label(chat, &line, text!(conversation_ended));
    add(&ended, &line);
    let again = el("button", "new-conversation");
    crate::ui::build::set(&again, "type", "button");
    label(chat, &again, text!(start_new));
    on(&again, "click", move |_| send::start_new(chat));
    add(&ended, &again);
    bind_show(&ended, move || chat.ended());
    add(&footer, &ended);

    let composer = composer::composer(chat);
    bind_show(&composer, move || !chat.ended());
    add(&footer, &composer);
    footer
}

/// "Powered by …", unless the inbox turned branding off.
fn branding(chat: Chat) -> Option<Element> {
    let (hidden, name, url) = chat.boot.with_value(|b| {
        let name = b
            .global
            .brand_name
            .clone()
            .unwrap_or_else(|| "OneChat".into());
        (
            b.channel.disable_branding,
            name,
            b.global.widget_brand_url.clone(),
        )
    });
    if hidden {
        return None;
    }
    let a = link("branding", url.as_deref().unwrap_or_default());
    let powered = el("span", "");
    label(chat, &powered, text!(powered_by));
    add(&a, &powered);
    add(&a, &text_el("span", "", &format!(" {name}")));
    Some(a)
}
