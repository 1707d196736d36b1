//! The reply box: Enter sends, Shift+Enter breaks the line; optional emoji and attachment
//! buttons; typing status goes to the agents, debounced (off after 2 s idle or on send).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};

use crate::actions::send;
use crate::logic::i18n::text;
use crate::state::Chat;
use crate::ui::build::{add, bind_attr, bind_show, button, el, icon_button, label, on, set};

const EMOJIS: [&str; 16] = [
    "😀", "😂", "😊", "😍", "😉", "😢", "😮", "😡", "👍", "👎", "👏", "🙏", "🎉", "❤️", "🔥", "✅",
];
const TYPING_IDLE: Duration = Duration::from_secs(2);

/// Typing status sent to agents: whether "on" was sent, and the timer that will send "off".
#[derive(Default)]
struct Typing {
    on: Cell<bool>,
    idle: Cell<Option<TimeoutHandle>>,
}

impl Typing {
    fn stop(&self, chat: Chat) {
        if let Some(timer) = self.idle.take() {
            timer.clear();
        }
        if self.on.replace(false) {
            send::typing(chat, false);
        }
    }

    fn typed(self: &Rc<Self>, chat: Chat) {
        if !self.on.get() && chat.conversation.with_untracked(Option::is_some) {
            self.on.set(true);
            send::typing(chat, true);
        }
        if let Some(timer) = self.idle.take() {
            timer.clear();
        }
        let me = Rc::clone(self);
        self.idle
            .set(set_timeout_with_handle(move || me.stop(chat), TYPING_IDLE).ok());
    }
}

/// Builds the composer.
pub fn composer(chat: Chat) -> Element {
    let bar = el("div", "composer");
    let typing = Rc::new(Typing::default());
    let input: HtmlTextAreaElement = el("textarea", "composer-input").unchecked_into();
    set(&input, "rows", "1");
    bind_attr(&input, "placeholder", move || {
        chat.t(text!(type_message)).to_owned()
    });
    bind_attr(&input, "aria-label", move || {
        chat.t(text!(type_message)).to_owned()
    });

    let picker = el("div", "emoji-picker");
    let _ = picker.toggle_attribute_with_force("hidden", true);
    for emoji in EMOJIS {
        let b = button("emoji", emoji);
        let target = input.clone();
        on(&b, "click", move |_| {
            target.set_value(&format!("{}{emoji}", target.value()));
            let _ = target.focus();
        });
        add(&picker, &b);
    }
    add(&bar, &picker);

    // Sending reads the textarea itself: no signal needed for a value only we change.
    let submit: Rc<dyn Fn()> = {
        let (input, typing, picker) = (input.clone(), Rc::clone(&typing), picker.clone());
        Rc::new(move || {
            let content = input.value();
            if content.trim().is_empty() {
                return;
            }
            typing.stop(chat);
            input.set_value("");
            let _ = picker.toggle_attribute_with_force("hidden", true);
            send::send_text(chat, content);
        })
    };
    let t = Rc::clone(&typing);
    on(&input, "input", move |_| t.typed(chat));
    let t = Rc::clone(&typing);
    on(&input, "blur", move |_| t.stop(chat));
    let send_now = Rc::clone(&submit);
    on(&input, "keydown", move |ev| {
        let Some(key) = ev.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if key.key() == "Enter" && !key.shift_key() && !key.is_composing() {
            ev.prevent_default();
            send_now();
        }
    });
    add(&bar, &input);

    let emoji = icon_button(
        chat,
        "emoji-button",
        "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zM8.5 11a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm7 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM12 17.5c2.3 0 4.3-1.4 5-3.5H7c.7 2.1 2.7 3.5 5 3.5z",
        text!(emoji),
    );
    bind_show(&emoji, move || chat.feature("emoji_picker"));
    let target = picker.clone();
    on(&emoji, "click", move |_| {
        let _ = target.toggle_attribute("hidden");
    });
    add(&bar, &emoji);

    let files: HtmlInputElement = el("input", "attachment-input").unchecked_into();
    set(&files, "type", "file");
    set(&files, "multiple", "");
    let _ = files.toggle_attribute_with_force("hidden", true);
    let picked = files.clone();
    on(&files, "change", move |_| {
        let list = picked
            .files()
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect());
        send::send_files(chat, list.unwrap_or_default());
        // Let the same file be picked again.
        picked.set_value("");
    });
    let attach = icon_button(
        chat,
        "attachment-button",
        "M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z",
        text!(attach),
    );
    bind_show(&attach, move || chat.feature("attachments"));
    let opener = files.clone();
    on(&attach, "click", move |_| opener.click());
    add(&bar, &attach);
    add(&bar, &files);

    let send_button = button("send-button", "");
    label(chat, &send_button, text!(send));
    on(&send_button, "click", move |_| submit());
    add(&bar, &send_button);
    bar
}
