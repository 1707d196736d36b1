//! One message row, built as plain DOM: the visitor's on the right, agents' and bots' on the
//! left with name and avatar, activity lines centred; text with safe links, attachments, time and
//! read state, and the interactive part for the content type (see `answers`).

use leptos::prelude::*;
use web_sys::Element;

use crate::logic::i18n::text;
use crate::logic::linkify::{Segment, segments};
use crate::state::Chat;
use crate::types::{ACTIVITY, Attachment, Message};
use crate::ui::answers;
use crate::ui::build::{add, add_text, el, link, set, text_el};

/// The row for `msg`; `read` says an agent has seen it (for the visitor's own messages).
pub fn row(chat: Chat, msg: &Message, read: bool) -> Element {
    if msg.message_type == ACTIVITY {
        let row = el("div", "message activity");
        add_text_with_links(&row, msg.content.as_deref().unwrap_or_default());
        return row;
    }
    let id = msg.id.to_string();
    if msg.is_user() {
        let row = el("div", "message user");
        set(&row, "data-id", &id);
        content(chat, &row, msg);
        let meta = el("div", "message-meta");
        add(&meta, &text_el("time", "", &clock(msg.created_at)));
        let status = match msg.status.as_deref() {
            Some("progress") => Some(("message-status sending", text!(sending))),
            Some("failed") => Some(("message-status failed", text!(failed))),
            Some("read") => Some(("message-status read", text!(read))),
            _ if read && msg.id != 0 => Some(("message-status read", text!(read))),
            _ => None,
        };
        if let Some((class, key)) = status {
            add(&meta, &text_el("span", class, chat.t_now(key)));
        }
        add(&row, &meta);
        return row;
    }
    let row = el("div", &format!("message agent {}", msg.kind()));
    set(&row, "data-id", &id);
    // Bot and automation messages without a sender speak for the inbox.
    let sender = msg.sender.clone().unwrap_or_else(|| {
        chat.boot.with_value(|b| crate::types::Sender {
            name: b.channel.website_name.clone(),
            avatar_url: b.channel.avatar_url.clone(),
        })
    });
    let body = agent_frame(&row, &sender.name, sender.avatar_url.as_deref());
    content(chat, &body, msg);
    let meta = el("div", "message-meta");
    add(&meta, &text_el("time", "", &clock(msg.created_at)));
    add(&body, &meta);
    row
}

/// Avatar, then a column with the sender's name; returns that column for the content.
pub fn agent_frame(row: &Element, name: &str, avatar: Option<&str>) -> Element {
    match avatar.filter(|a| !a.is_empty()) {
        Some(src) => {
            let img = el("img", "sender-avatar");
            set(&img, "src", src);
            set(&img, "alt", "");
            add(row, &img);
        }
        None => {
            let initial = name.chars().next().unwrap_or('•').to_string();
            add(row, &text_el("span", "sender-avatar", &initial));
        }
    }
    let body = el("div", "message-body");
    add(&body, &text_el("span", "sender-name", name));
    add(row, &body);
    body
}

/// Text bubble, attachments and the interactive part.
fn content(chat: Chat, parent: &Element, msg: &Message) {
    if let Some(text) = msg.content.as_deref().filter(|c| !c.is_empty()) {
        let bubble = el("div", "bubble");
        add_text_with_links(&bubble, text);
        add(parent, &bubble);
    }
    if !msg.attachments.is_empty() {
        let files = el("div", "attachments");
        for a in &msg.attachments {
            if let Some(file) = attachment(a) {
                add(&files, &file);
            }
        }
        add(parent, &files);
    }
    if let Some(extra) = answers::interactive(chat, msg) {
        add(parent, &extra);
    }
}

/// Text as text nodes, with http(s) URLs as links opening in a new tab.
pub fn add_text_with_links(parent: &Element, text: &str) {
    for segment in segments(text) {
        match segment {
            Segment::Text(t) => add_text(parent, t),
            Segment::Link(url) => {
                let a = link("", url);
                a.set_text_content(Some(url));
                add(parent, &a);
            }
        }
    }
}

fn attachment(a: &Attachment) -> Option<Element> {
    let url = a.data_url.as_str();
    let safe = url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/');
    if !safe {
        return None;
    }
    let name = url
        .rsplit('/')
        .next()
        .unwrap_or("file")
        .split('?')
        .next()
        .unwrap_or("file");
    let element = match a.file_type.as_str() {
        "image" => {
            let anchor = link("attachment image", url);
            set(&anchor, "href", url);
            let img = el("img", "");
            let thumb = a
                .thumb_url
                .as_deref()
                .filter(|t| t.starts_with("http") || t.starts_with('/'));
            set(&img, "src", thumb.unwrap_or(url));
            set(&img, "alt", name);
            set(&img, "loading", "lazy");
            add(&anchor, &img);
            anchor
        }
        kind @ ("audio" | "video") => {
            let media = el(kind, &format!("attachment {kind}"));
            set(&media, "controls", "");
            set(&media, "src", url);
            media
        }
        _ => {
            let anchor = link("attachment file", url);
            set(&anchor, "href", url);
            set(&anchor, "download", "");
            anchor.set_text_content(Some(&format!("📄 {name}")));
            anchor
        }
    };
    Some(element)
}

/// "HH:MM" in the visitor's own time zone.
fn clock(unix_secs: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_secs * 1000.0));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}
