//! The scrolling conversation: welcome, message rows, a campaign teaser and the typing indicator.
//! Rows are plain DOM kept in step with `chat.messages` by key (see `sync`); scrolling to the top
//! pages in older messages, and new ones scroll the list to the bottom.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use crate::actions::session;
use crate::logic::i18n::text;
use crate::state::Chat;
use crate::ui::build::{add, bind_show, el, label, on, set};
use crate::ui::rows;
use crate::ui::welcome::welcome;

/// The rows on screen, by key.
type Rows = Rc<RefCell<Vec<(String, Element)>>>;

/// Builds the message list.
pub fn message_list(chat: Chat) -> Element {
    let list = el("div", "message-list");
    let welcome = welcome(chat);
    bind_show(&welcome, move || chat.messages.with(Vec::is_empty));
    add(&list, &welcome);
    let container = el("div", "message-rows");
    add(&list, &container);
    let teaser_box = el("div", "campaign");
    add(&list, &teaser_box);
    let typing = el("div", "typing-indicator");
    set(&typing, "role", "status");
    for _ in 0..3 {
        add(&typing, &el("span", "dot"));
    }
    let typing_label = el("span", "typing-label");
    label(chat, &typing_label, text!(typing));
    add(&typing, &typing_label);
    bind_show(&typing, move || chat.agent_typing.get());
    add(&list, &typing);

    let rows: Rows = Rc::default();
    let scroller = list.clone();
    Effect::new(move |_| {
        let locale = chat.prefs.with(|p| p.locale.clone());
        let seen = chat
            .conversation
            .with(|c| c.as_ref().and_then(|c| c.agent_last_seen_at));
        let typing = chat.agent_typing.get();
        chat.messages
            .with(|messages| sync(chat, &container, &rows, messages, &locale, seen));
        let _ = typing;
        let scroller = scroller.clone();
        request_animation_frame(move || scroller.set_scroll_top(scroller.scroll_height()));
    });
    Effect::new(move |_| {
        let campaign = chat
            .active_campaign
            .get()
            .filter(|_| chat.messages.with(Vec::is_empty));
        teaser(&teaser_box, campaign.as_ref());
    });

    let loading = Rc::new(Cell::new(false));
    let scroller = list.clone();
    on(&list, "scroll", move |_| {
        if scroller.scroll_top() > 40 || loading.get() || !chat.has_older.get_untracked() {
            return;
        }
        loading.set(true);
        let before = scroller.scroll_height();
        let (scroller, loading) = (scroller.clone(), Rc::clone(&loading));
        spawn_local(async move {
            if session::load_older(chat).await {
                // Keep the visitor's place: what was on screen stays on screen.
                let el = scroller.clone();
                request_animation_frame(move || {
                    el.set_scroll_top(el.scroll_height() - before + el.scroll_top());
                });
            }
            loading.set(false);
        });
    });
    list
}

/// Makes `container`'s rows match `messages`: unchanged rows stay in place (so a half-typed
/// CSAT comment keeps its focus), changed ones are rebuilt, gone ones removed.
fn sync(
    chat: Chat,
    container: &Element,
    rows: &Rows,
    messages: &[crate::types::Message],
    locale: &str,
    seen: Option<f64>,
) {
    let mut old = rows.take();
    let mut next = Vec::with_capacity(messages.len());
    for msg in messages {
        let read = seen.is_some_and(|s| s >= msg.created_at);
        let key = format!("{}:{}:{locale}", msg.key(), u8::from(read));
        let element = match old.iter().position(|(k, _)| *k == key) {
            Some(i) => old.swap_remove(i).1,
            None => rows::row(chat, msg, read),
        };
        next.push((key, element));
    }
    for (_, gone) in old {
        gone.remove();
    }
    let mut cursor = container.first_element_child();
    for (_, element) in &next {
        if cursor.as_ref() == Some(element) {
            cursor = element.next_element_sibling();
        } else {
            let _ = container.insert_before(element, cursor.as_ref().map(AsRef::as_ref));
        }
    }
    *rows.borrow_mut() = next;
}

/// Shows `campaign`'s message in `container` as an agent message (or clears it).
pub fn teaser(container: &Element, campaign: Option<&crate::types::Campaign>) {
    container.set_text_content(None);
    if let Some(campaign) = campaign {
        let row = el("div", "message agent campaign-message");
        let sender = campaign.sender.clone().unwrap_or_default();
        let body = rows::agent_frame(&row, &sender.name, sender.avatar_url.as_deref());
        let bubble = el("div", "bubble");
        rows::add_text_with_links(&bubble, &campaign.message);
        add(&body, &bubble);
        add(container, &row);
    }
}
