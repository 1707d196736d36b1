//! The greeting shown before the first message: welcome title and tagline, the team online and
//! the out-of-office note.

use leptos::prelude::*;
use web_sys::Element;

use crate::state::Chat;
use crate::ui::build::{add, bind_show, bind_text, el, set, text_el};
use crate::ui::header::online_agents;

/// Builds the welcome block.
pub fn welcome(chat: Chat) -> Element {
    let section = el("section", "welcome");
    let title = el("h2", "welcome-title");
    bind_text(&title, move || {
        chat.prefs
            .with(|p| p.welcome_title.clone())
            .or_else(|| chat.boot.with_value(|b| b.channel.welcome_title.clone()))
            .unwrap_or_default()
    });
    add(&section, &title);
    let tagline = el("p", "welcome-tagline");
    bind_text(&tagline, move || {
        chat.prefs
            .with(|p| p.welcome_description.clone())
            .or_else(|| chat.boot.with_value(|b| b.channel.welcome_tagline.clone()))
            .unwrap_or_default()
    });
    add(&section, &tagline);
    let ooo = chat
        .boot
        .with_value(|b| b.channel.out_of_office_message.clone());
    if let Some(message) = ooo {
        let away = text_el("p", "out-of-office", &message);
        bind_show(&away, move || chat.out_of_office());
        add(&section, &away);
    }
    let avatars = el("div", "agent-avatars");
    let holder = avatars.clone();
    Effect::new(move |_| {
        holder.set_text_content(None);
        for agent in online_agents(chat).into_iter().take(5) {
            let avatar = match agent.avatar_url {
                Some(src) => {
                    let img = el("img", "agent-avatar");
                    set(&img, "src", &src);
                    set(&img, "alt", &agent.name);
                    img
                }
                None => {
                    let initial = agent.name.chars().next().unwrap_or('?').to_string();
                    text_el("span", "agent-avatar", &initial)
                }
            };
            set(&avatar, "title", &agent.name);
            add(&holder, &avatar);
        }
    });
    add(&section, &avatars);
    section
}
