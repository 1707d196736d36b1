//! The satisfaction survey sent when a conversation is resolved: five faces or five stars (per
//! `display_type`), an optional comment and submit; once answered, the rating given and thanks.

use std::cell::Cell;
use std::rc::Rc;

use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::actions::reply;
use crate::logic::i18n::text;
use crate::state::Chat;
use crate::types::Message;
use crate::ui::build::{add, button, el, on, set, text_el};

const EMOJI: [&str; 5] = ["😞", "😑", "😐", "😊", "😍"];

/// Five faces or stars, an optional comment and submit; once answered, the rating and thanks.
pub fn survey(chat: Chat, msg: &Message) -> Element {
    let stars = msg.attr("display_type").as_str() == Some("star");
    let answered = msg.attr("submitted_values").get("csat_survey_response");
    let given = answered
        .and_then(|r| r.get("rating"))
        .and_then(Value::as_u64)
        .unwrap_or(0) as u8;
    let done = answered.is_some() && given > 0;
    let survey = el(
        "div",
        &format!(
            "csat-survey{}{}",
            if done { " submitted" } else { "" },
            if stars { " stars" } else { "" }
        ),
    );
    add(
        &survey,
        &text_el("p", "csat-title", chat.t_now(text!(rate_conversation))),
    );
    let ratings = el("div", "csat-ratings");
    let rating = Rc::new(Cell::new(given));
    let submit = text_el("button", "csat-submit", chat.t_now(text!(submit)));
    set(&submit, "type", "button");
    if given == 0 {
        set(&submit, "disabled", "");
    }
    for n in 1..=5u8 {
        let symbol = match stars {
            true if n <= given => "★",
            true => "☆",
            false => EMOJI[usize::from(n - 1)],
        };
        let selected = if stars { n <= given } else { n == given } && given > 0;
        let b = button(
            if selected {
                "csat-rating selected"
            } else {
                "csat-rating"
            },
            symbol,
        );
        set(&b, "data-rating", &n.to_string());
        set(&b, "aria-label", &n.to_string());
        if done {
            set(&b, "disabled", "");
        } else {
            let (rating, row, submit) = (Rc::clone(&rating), ratings.clone(), submit.clone());
            on(&b, "click", move |_| {
                rating.set(n);
                let _ = submit.remove_attribute("disabled");
                mark(&row, stars, n);
            });
        }
        add(&ratings, &b);
    }
    add(&survey, &ratings);
    if done {
        add(
            &survey,
            &text_el("p", "csat-thanks", chat.t_now(text!(csat_thanks))),
        );
        return survey;
    }
    let feedback = el("textarea", "csat-feedback");
    set(
        &feedback,
        "placeholder",
        chat.t_now(text!(feedback_placeholder)),
    );
    add(&survey, &feedback);
    let id = msg.id;
    let button_el = submit.clone();
    on(&submit, "click", move |_| {
        let value = rating.get();
        if value == 0 {
            return;
        }
        let text = feedback
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(web_sys::HtmlTextAreaElement::value)
            .unwrap_or_default();
        set(&button_el, "disabled", "");
        let button_el = button_el.clone();
        spawn_local(async move {
            if !reply::submit_csat(chat, id, value, text).await {
                let _ = button_el.remove_attribute("disabled");
            }
        });
    });
    add(&survey, &submit);
    survey
}

/// Highlights the chosen rating (stars fill up to it; a face stands alone).
fn mark(row: &Element, stars: bool, chosen: u8) {
    let buttons = row.children();
    for i in 0..buttons.length() {
        let Some(b) = buttons.item(i) else { continue };
        let n = i as u8 + 1;
        let on = if stars { n <= chosen } else { n == chosen };
        let _ = b.class_list().toggle_with_force("selected", on);
        if stars {
            b.set_text_content(Some(if on { "★" } else { "☆" }));
        }
    }
}
