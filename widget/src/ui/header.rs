//! The coloured header: inbox avatar and name, availability line and the window's buttons
//! (end conversation, a menu with "request a transcript", popout, and close on phones).

use leptos::prelude::*;
use serde_json::json;
use web_sys::Element;

use crate::actions::send;
use crate::bridge;
use crate::logic::i18n::text;
use crate::state::Chat;
use crate::types::Agent;
use crate::ui::build::{
    add, bind_class, bind_show, bind_text, el, icon_button, label, on, set, text_el,
};

/// Agents the server reports online (presence beats the initial `availability_status`).
pub fn online_agents(chat: Chat) -> Vec<Agent> {
    let presence = chat.online_ids.get();
    chat.agents.with(|agents| {
        agents
            .iter()
            .filter(|a| match &presence {
                Some(ids) => ids.contains(&a.id),
                None => a.online,
            })
            .cloned()
            .collect()
    })
}

/// The availability line: away (out of office) or the inbox's usual reply time.
fn status_text(chat: Chat) -> String {
    let prefs = chat.prefs.get();
    if chat.out_of_office() {
        let ooo = chat
            .boot
            .with_value(|b| b.channel.out_of_office_message.clone());
        return prefs
            .unavailable_message
            .or(ooo)
            .unwrap_or_else(|| chat.t(text!(away)).into());
    }
    if let Some(message) = prefs.available_message {
        return message;
    }
    let reply_time = chat
        .boot
        .with_value(|b| b.channel.reply_time.clone())
        .unwrap_or_default();
    chat.t(match reply_time.as_str() {
        "in_a_few_hours" => text!(reply_in_hours),
        "in_a_day" => text!(reply_in_a_day),
        _ => text!(reply_in_minutes),
    })
    .into()
}

/// Builds the header.
pub fn header(chat: Chat) -> Element {
    let header = el("header", "chat-header");
    let (name, avatar) = chat
        .boot
        .with_value(|b| (b.channel.website_name.clone(), b.channel.avatar_url.clone()));
    if let Some(src) = avatar {
        let img = el("img", "header-avatar");
        set(&img, "src", &src);
        set(&img, "alt", "");
        add(&header, &img);
    }
    let info = el("div", "header-info");
    add(&info, &text_el("h1", "header-title", &name));
    let status = el("p", "header-status");
    let dot = el("span", "status-dot");
    bind_class(&dot, "online", move || {
        !chat.out_of_office() && !online_agents(chat).is_empty()
    });
    add(&status, &dot);
    let reply = el("span", "reply-time");
    bind_text(&reply, move || status_text(chat));
    add(&status, &reply);
    add(&info, &status);
    add(&header, &info);

    let actions = el("div", "header-actions");
    let end = icon_button(
        chat,
        "end-conversation",
        "M13 3h-2v10h2zm4.8 2.2-1.4 1.4A7 7 0 1 1 7.6 6.6L6.2 5.2A9 9 0 1 0 17.8 5.2z",
        text!(end_conversation),
    );
    bind_show(&end, move || {
        chat.feature("end_conversation") && chat.conversation_open()
    });
    on(&end, "click", move |_| send::end_conversation(chat));
    add(&actions, &end);

    let menu = el("div", "chat-menu");
    let _ = menu.toggle_attribute_with_force("hidden", true);
    let transcript = el("button", "request-transcript");
    set(&transcript, "type", "button");
    label(chat, &transcript, text!(request_transcript));
    let menu_el = menu.clone();
    on(&transcript, "click", move |_| {
        let _ = menu_el.toggle_attribute_with_force("hidden", true);
        send::request_transcript(chat);
    });
    add(&menu, &transcript);

    let more = icon_button(chat, "menu-button", "⋮", text!(menu));
    bind_show(&more, move || chat.conversation.with(Option::is_some));
    let menu_el = menu.clone();
    on(&more, "click", move |_| {
        let _ = menu_el.toggle_attribute("hidden");
    });
    add(&actions, &more);

    let popout = icon_button(chat, "popout-button", "↗", text!(popout));
    bind_show(&popout, move || chat.prefs.with(|p| p.show_popout));
    on(&popout, "click", |_| {
        bridge::post("popoutChatWindow", json!({}))
    });
    add(&actions, &popout);

    let close = icon_button(chat, "close-button", "×", text!(close));
    bind_show(&close, move || chat.prefs.with(|p| p.is_mobile));
    on(&close, "click", |_| {
        // Only closeWindow: a following toggleBubble would open the window again.
        bridge::post("closeWindow", json!({}));
    });
    add(&actions, &close);
    add(&header, &actions);
    add(&header, &menu);
    header
}
