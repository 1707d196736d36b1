//! Plain DOM helpers the whole window is built with, plus bindings that keep a node's text,
//! attribute, class or visibility in step with Leptos signals. Every distinct `view!` costs
//! bundle size (about 60 KB brotli for this UI), while these few non-generic helpers cost a few:
//! that is what keeps the widget inside its first-open budget.
//!
//! Text always goes in as text nodes or attribute values, never as HTML.

use leptos::prelude::Effect;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, Event};

use crate::logic::i18n::Key;
use crate::state::Chat;

/// A new `<tag class=…>`.
pub fn el(tag: &str, class: &str) -> Element {
    let element = leptos::prelude::document()
        .create_element(tag)
        .unwrap_or_else(|_| unreachable_element());
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

/// A 24×24 `<svg>` icon of one path, filled with the text colour.
fn svg_icon(path: &str) -> Element {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let document = leptos::prelude::document();
    let make = |tag: &str| {
        document
            .create_element_ns(Some(SVG), tag)
            .unwrap_or_else(|_| unreachable_element())
    };
    let svg = make("svg");
    set(&svg, "viewBox", "0 0 24 24");
    set(&svg, "width", "20");
    set(&svg, "height", "20");
    set(&svg, "fill", "currentColor");
    set(&svg, "aria-hidden", "true");
    let shape = make("path");
    set(&shape, "d", path);
    add(&svg, &shape);
    svg
}

/// `document.createElement` cannot fail for our fixed tag names; this only satisfies the types.
fn unreachable_element() -> Element {
    js_sys::Object::new().unchecked_into()
}

/// A new `<tag class=…>` holding `text`.
pub fn text_el(tag: &str, class: &str, text: &str) -> Element {
    let element = el(tag, class);
    element.set_text_content(Some(text));
    element
}

/// Appends `child` to `parent`.
pub fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

/// Appends a text node.
pub fn add_text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Sets an attribute.
pub fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Calls `f` on every `event` of `element`. The closure is handed to the JS garbage collector
/// with the element, so a removed row frees its handlers.
pub fn on(element: &Element, event: &str, f: impl FnMut(Event) + 'static) {
    let boxed: Box<dyn FnMut(Event)> = Box::new(f);
    let closure = Closure::wrap(boxed).into_js_value();
    let _ = element.add_event_listener_with_callback(event, closure.unchecked_ref());
}

/// A `<button type=button class=…>text</button>`.
pub fn button(class: &str, text: &str) -> Element {
    let b = text_el("button", class, text);
    set(&b, "type", "button");
    b
}

/// An `<a>` opening an http(s) URL in a new tab without handing it our window.
pub fn link(class: &str, url: &str) -> Element {
    let a = el("a", class);
    if url.starts_with("https://") || url.starts_with("http://") {
        set(&a, "href", url);
    }
    set(&a, "target", "_blank");
    set(&a, "rel", "noopener noreferrer");
    a
}

/// Keeps `element`'s text equal to `f()`. (Boxed so every binding shares one compiled effect.)
pub fn bind_text(element: &Element, f: impl Fn() -> String + 'static) {
    let f: Box<dyn Fn() -> String> = Box::new(f);
    let element = element.clone();
    Effect::new(move |_| element.set_text_content(Some(&f())));
}

/// Shows `element` only while `f()` holds (the `hidden` attribute).
pub fn bind_show(element: &Element, f: impl Fn() -> bool + 'static) {
    let f: Box<dyn Fn() -> bool> = Box::new(f);
    let element = element.clone();
    Effect::new(move |_| {
        let _ = element.toggle_attribute_with_force("hidden", !f());
    });
}

/// Sets `class` on `element` only while `f()` holds.
pub fn bind_class(element: &Element, class: &'static str, f: impl Fn() -> bool + 'static) {
    let f: Box<dyn Fn() -> bool> = Box::new(f);
    let element = element.clone();
    Effect::new(move |_| {
        let _ = element.class_list().toggle_with_force(class, f());
    });
}

/// Keeps attribute `name` equal to `f()`.
pub fn bind_attr(element: &Element, name: &'static str, f: impl Fn() -> String + 'static) {
    let f: Box<dyn Fn() -> String> = Box::new(f);
    let element = element.clone();
    Effect::new(move |_| set(&element, name, &f()));
}

/// A UI string that follows the locale, as text.
pub fn label(chat: Chat, element: &Element, key: Key) {
    bind_text(element, move || chat.t(key).to_owned());
}

/// A `<button>` whose text (or, with `aria`, accessible name) is a localized string.
pub fn icon_button(chat: Chat, class: &str, icon: &str, key: Key) -> Element {
    let b = if icon.starts_with('M') {
        // An SVG path: drawn inline, so the icon never depends on the visitor's fonts.
        let b = button(class, "");
        add(&b, &svg_icon(icon));
        b
    } else {
        button(class, icon)
    };
    bind_attr(&b, "aria-label", move || chat.t(key).to_owned());
    bind_attr(&b, "title", move || chat.t(key).to_owned());
    b
}
