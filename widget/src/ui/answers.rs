//! The prompts a visitor answers in place, built as plain DOM: email collect, option buttons,
//! bot forms, cards, article links and (through `csat`) the satisfaction survey. Answers PATCH
//! the message; the updated message then re-renders its row in the answered state.

use leptos::task::spawn_local;
use serde_json::{Value, json};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement};

use crate::actions::reply;
use crate::bridge;
use crate::logic::i18n::text;
use crate::logic::validate::is_email;
use crate::state::Chat;
use crate::types::Message;
use crate::ui::build::{add, button, el, link, on, set, text_el};
use crate::ui::{csat, dom};

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn items(msg: &Message) -> &[Value] {
    msg.attr("items").as_array().map_or(&[], Vec::as_slice)
}

/// The interactive part of `msg`, if its content type has one.
pub fn interactive(chat: Chat, msg: &Message) -> Option<Element> {
    Some(match msg.kind() {
        "input_email" => email_collect(chat, msg),
        "input_select" => select_options(chat, msg),
        "form" => bot_form(chat, msg),
        "cards" => cards(msg),
        "article" => articles(msg),
        "input_csat" => csat::survey(chat, msg),
        _ => return None,
    })
}

/// A `<form novalidate>` whose submit (Enter or button) calls `f` with the form.
fn form(class: &str, mut f: impl FnMut(&HtmlFormElement) + 'static) -> Element {
    let form = el("form", class);
    set(&form, "novalidate", "");
    on(&form, "submit", move |ev| {
        ev.prevent_default();
        if let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        {
            f(&form);
        }
    });
    form
}

/// The form's submit button.
fn submit_button(chat: Chat, class: &str) -> Element {
    let b = text_el("button", class, chat.t_now(text!(submit)));
    set(&b, "type", "submit");
    b
}

/// Shows `message` in the form's `.field-error` line (created on first use).
fn show_error(form: &Element, message: &str) {
    let line = match form.query_selector(".field-error").ok().flatten() {
        Some(line) => line,
        None => {
            let line = el("span", "field-error");
            set(&line, "role", "alert");
            add(form, &line);
            line
        }
    };
    line.set_text_content(Some(message));
}

fn email_collect(chat: Chat, msg: &Message) -> Element {
    if let Some(email) = msg.attr("submitted_email").as_str() {
        return text_el("p", "submitted-email", email);
    }
    let id = msg.id;
    let form = form("email-collect", move |form| {
        let email = dom::value_of(&dom::form_values(form), "email")
            .trim()
            .to_owned();
        if !is_email(&email) {
            show_error(form, chat.t_now(text!(invalid_email)));
            return;
        }
        spawn_local(async move {
            reply::submit_email(chat, id, email).await;
        });
    });
    let input = el("input", "email-input");
    set(&input, "type", "email");
    set(&input, "name", "email");
    set(&input, "autocomplete", "email");
    set(&input, "placeholder", chat.t_now(text!(email_placeholder)));
    add(&form, &input);
    add(&form, &submit_button(chat, "email-submit"));
    form
}

fn select_options(chat: Chat, msg: &Message) -> Element {
    let chosen = msg
        .attr("submitted_values")
        .as_array()
        .and_then(|v| v.first());
    if let Some(chosen) = chosen {
        return text_el("p", "selected-option", str_of(chosen, "title"));
    }
    let list = el("div", "select-options");
    let id = msg.id;
    for item in items(msg) {
        let b = button("select-option", str_of(item, "title"));
        let item = item.clone();
        on(&b, "click", move |_| {
            let values = json!([item.clone()]);
            spawn_local(async move {
                reply::submit_values(chat, id, values).await;
            });
        });
        add(&list, &b);
    }
    list
}

fn bot_form(chat: Chat, msg: &Message) -> Element {
    if let Some(values) = msg
        .attr("submitted_values")
        .as_array()
        .filter(|v| !v.is_empty())
    {
        let list = el("ul", "submitted-values");
        for v in values {
            let li = el("li", "");
            let title = str_of(v, "title");
            add(
                &li,
                &text_el(
                    "span",
                    "value-name",
                    if title.is_empty() {
                        str_of(v, "name")
                    } else {
                        title
                    },
                ),
            );
            let value = match v.get("value") {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            add(&li, &text_el("span", "value", &format!(" {value}")));
            add(&list, &li);
        }
        return list;
    }
    let id = msg.id;
    let specs: Vec<Value> = items(msg).to_vec();
    let fields = specs.clone();
    let form = form("interactive-form", move |form| {
        let values = dom::form_values(form);
        let mut answers = Vec::new();
        for field in &specs {
            let name = str_of(field, "name");
            let value = dom::value_of(&values, name).trim().to_owned();
            let required = field
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            if required && value.is_empty() {
                show_error(form, chat.t_now(text!(required)));
                return;
            }
            if str_of(field, "type") == "email" && !value.is_empty() && !is_email(&value) {
                show_error(form, chat.t_now(text!(invalid_email)));
                return;
            }
            answers.push(json!({ "name": name, "title": str_of(field, "label"), "value": value }));
        }
        spawn_local(async move {
            reply::submit_values(chat, id, Value::Array(answers)).await;
        });
    });
    for field in &fields {
        let label = el("label", "form-field");
        add(
            &label,
            &text_el("span", "field-label", str_of(field, "label")),
        );
        let input = match str_of(field, "type") {
            "textarea" => text_el("textarea", "", str_of(field, "default")),
            "select" => {
                let select = el("select", "");
                for o in field
                    .get("options")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice)
                {
                    let option = text_el("option", "", str_of(o, "label"));
                    set(&option, "value", str_of(o, "value"));
                    add(&select, &option);
                }
                select
            }
            kind => {
                let input = el("input", "");
                set(
                    &input,
                    "type",
                    if kind == "email" { "email" } else { "text" },
                );
                set(&input, "value", str_of(field, "default"));
                input
            }
        };
        set(&input, "name", str_of(field, "name"));
        set(&input, "placeholder", str_of(field, "placeholder"));
        add(&label, &input);
        add(&form, &label);
    }
    add(&form, &submit_button(chat, "form-submit"));
    form
}

fn cards(msg: &Message) -> Element {
    let list = el("div", "cards");
    for card in items(msg) {
        let c = el("div", "card");
        let media = str_of(card, "media_url");
        if media.starts_with("https://") || media.starts_with("http://") {
            let img = el("img", "card-media");
            set(&img, "src", media);
            set(&img, "alt", "");
            add(&c, &img);
        }
        add(&c, &text_el("p", "card-title", str_of(card, "title")));
        add(
            &c,
            &text_el("p", "card-description", str_of(card, "description")),
        );
        let actions = el("div", "card-actions");
        for action in card
            .get("actions")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
        {
            let text = str_of(action, "text");
            if str_of(action, "type") == "link" {
                let a = link("card-action link", str_of(action, "uri"));
                a.set_text_content(Some(text));
                add(&actions, &a);
            } else {
                // As in Chatwoot, a postback goes to the host page only.
                let b = button("card-action postback", text);
                let payload = action.get("payload").cloned().unwrap_or(Value::Null);
                on(&b, "click", move |_| {
                    bridge::post(
                        "postback",
                        json!({ "data": { "payload": payload.clone() } }),
                    );
                });
                add(&actions, &b);
            }
        }
        add(&c, &actions);
        add(&list, &c);
    }
    list
}

fn articles(msg: &Message) -> Element {
    let list = el("div", "articles");
    for item in items(msg) {
        let a = link("article-link", str_of(item, "link"));
        add(&a, &text_el("span", "article-title", str_of(item, "title")));
        add(
            &a,
            &text_el("span", "article-description", str_of(item, "description")),
        );
        add(&list, &a);
    }
    list
}
