//! The workspace's keyboard shortcuts (browser only), Chatwoot's keys: Ctrl/⌘+K the command
//! bar, Ctrl/⌘+/ the help, Alt+J / Alt+K next / previous conversation, Alt+E resolve,
//! Alt+M snooze, Alt+C conversations, Alt+N next tab. Keys are read by `code`, so they work
//! whatever the keyboard layout and on macOS, where Alt changes the character typed.

use std::cell::RefCell;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::bar::Bar;
use super::commands::{Menu, Run};
use crate::routes;

thread_local! {
    /// Where the focus was before the command bar opened.
    static RETURN_TO: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
}

/// Notes the focused element, to give it the focus back on close.
pub fn remember_focus() {
    let active = document()
        .active_element()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    RETURN_TO.with(|r| *r.borrow_mut() = active);
}

/// Gives the focus back to the element noted on open.
pub fn restore_focus() {
    if let Some(el) = RETURN_TO.with(|r| r.borrow_mut().take()) {
        let _ = el.focus();
    }
}

/// Moves the focus to the element `id` once it is in the page, checking on each animation
/// frame for about a second: the dialog is built after the update that asked, and its code
/// may still be loading (it is a lazily loaded chunk) or the machine busy.
pub fn focus_soon(id: &'static str) {
    fn attempt(id: &'static str, left: u8) {
        let doc = document();
        let target = doc
            .get_element_by_id(id)
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(el) = &target {
            let _ = el.focus();
        }
        let focused = match (&target, doc.active_element()) {
            (Some(el), Some(active)) => {
                let active: &web_sys::Element = &active;
                let el: &web_sys::Element = el;
                active == el
            }
            _ => false,
        };
        if !focused && left > 0 {
            request_animation_frame(move || attempt(id, left - 1));
        }
    }
    request_animation_frame(move || attempt(id, 60));
}

/// Listens for the shortcuts while the workspace is shown.
pub fn listen(bar: Bar, navigate: impl Fn(&str, NavigateOptions) + Clone + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        on_key(bar, &navigate, &ev);
    });
    on_cleanup(move || handle.remove());
}

fn on_key(bar: Bar, navigate: &impl Fn(&str, NavigateOptions), ev: &KeyboardEvent) {
    let command = ev.ctrl_key() || ev.meta_key();
    let code = ev.code();
    if command && !ev.alt_key() && code == "KeyK" {
        ev.prevent_default();
        if bar.open.get_untracked() {
            bar.close();
        } else {
            bar.show(Menu::Root);
        }
        return;
    }
    if command && code == "Slash" {
        ev.prevent_default();
        if bar.help.get_untracked() {
            bar.close();
        } else {
            remember_focus();
            bar.open.set(false);
            bar.help.set(true);
            focus_soon("shortcuts-close");
        }
        return;
    }
    if ev.key() == "Escape" && bar.help.get_untracked() {
        ev.prevent_default();
        bar.close();
        return;
    }
    if !ev.alt_key() || command || bar.open.get_untracked() || bar.help.get_untracked() {
        return;
    }
    let has_conversation = bar.display_id.get_untracked().is_some();
    match code.as_str() {
        "KeyJ" => step("conversation-row", 1),
        "KeyK" => step("conversation-row", -1),
        "KeyN" => step("tab", 1),
        "KeyE" if has_conversation => bar.perform(Run::Status("resolved")),
        "KeyM" if has_conversation => bar.show(Menu::Snooze),
        "KeyC" => navigate(
            &routes::dashboard(bar.account_id),
            NavigateOptions::default(),
        ),
        _ => return,
    }
    ev.prevent_default();
}

/// Follows the link `by` places after the current one (`aria-current="page"`) among the
/// links of class `class`, wrapping around; the router handles the click.
fn step(class: &str, by: i32) {
    let links = document().get_elements_by_class_name(class);
    let count = links.length() as i32;
    if count == 0 {
        return;
    }
    let current = (0..count).find(|&i| {
        links
            .item(i as u32)
            .and_then(|el| el.get_attribute("aria-current"))
            .is_some_and(|v| v == "page")
    });
    let next = match current {
        Some(i) => (i + by).rem_euclid(count),
        None if by > 0 => 0,
        None => count - 1,
    };
    if let Some(link) = links
        .item(next as u32)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        link.click();
    }
}
