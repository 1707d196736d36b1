//! The reply box's rich text mode: a toolbar (bold, italic, code, link, list, quote) that puts
//! markdown around the selection, and Ctrl/Cmd+B and +I. The message is sent as markdown
//! text; the thread renders it on the server.

use leptos::ev::KeyboardEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

use super::editing::{self, Edit};
use crate::i18n::{Locale, td_string, tu_string, use_i18n};

/// One formatting button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `**bold**`
    Bold,
    /// `_italic_`
    Italic,
    /// `` `code` ``
    Code,
    /// `[text](url)`
    Link,
    /// `- item` lines
    List,
    /// `> quote` lines
    Quote,
}

impl Format {
    const ALL: [Format; 6] = [
        Format::Bold,
        Format::Italic,
        Format::Code,
        Format::Link,
        Format::List,
        Format::Quote,
    ];

    /// Button face and accessible label (in `locale`).
    fn label(self, locale: Locale) -> (&'static str, &'static str) {
        match self {
            Format::Bold => ("B", td_string!(locale, reply.format.bold)),
            Format::Italic => ("I", td_string!(locale, reply.format.italic)),
            Format::Code => ("</>", td_string!(locale, reply.format.code)),
            Format::Link => ("🔗", td_string!(locale, reply.format.link)),
            Format::List => ("•", td_string!(locale, reply.format.list)),
            Format::Quote => ("❝", td_string!(locale, reply.format.quote)),
        }
    }

    /// The markdown change for `text` with `start..end` selected.
    pub fn apply(self, text: &str, start: usize, end: usize) -> Edit {
        match self {
            Format::Bold => editing::wrap(text, start, end, "**", "**", "bold text"),
            Format::Italic => editing::wrap(text, start, end, "_", "_", "italic text"),
            Format::Code => editing::wrap(text, start, end, "`", "`", "code"),
            Format::Link => editing::link(text, start, end),
            Format::List => editing::prefix_lines(text, start, end, "- "),
            Format::Quote => editing::prefix_lines(text, start, end, "> "),
        }
    }
}

/// Formats the textarea's selection.
fn format(area: NodeRef<Textarea>, content: RwSignal<String>, how: Format) {
    let text = content.get_untracked();
    let (start, end) = editing::selection(area, &text);
    editing::apply(area, content, how.apply(&text, start, end));
}

/// Ctrl/Cmd+B and +I in rich mode; `true` when the key was handled.
pub fn shortcut(
    ev: &KeyboardEvent,
    rich: bool,
    area: NodeRef<Textarea>,
    content: RwSignal<String>,
) -> bool {
    if !rich || !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.shift_key() {
        return false;
    }
    let how = match ev.key().as_str() {
        "b" | "B" => Format::Bold,
        "i" | "I" => Format::Italic,
        _ => return false,
    };
    ev.prevent_default();
    format(area, content, how);
    true
}

/// The formatting buttons, shown in rich mode.
#[component]
pub fn FormatBar(area: NodeRef<Textarea>, content: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let buttons = Format::ALL
        .into_iter()
        .map(|how| {
            let (face, label) = how.label(locale);
            view! {
                <button
                    type="button"
                    class="format-button"
                    aria-label=label
                    title=label
                    // Keep the textarea's selection: the button must not take the focus.
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| format(area, content, how)
                >
                    {face}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="format-bar" role="toolbar" aria-label=tu_string!(i18n, reply.formatting)>
            {buttons}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn each_button_writes_markdown() {
        let text = "one two";
        let out = |f: Format| f.apply(text, 4, 7).text;
        assert_eq!(out(Format::Bold), "one **two**");
        assert_eq!(out(Format::Italic), "one _two_");
        assert_eq!(out(Format::Code), "one `two`");
        assert_eq!(out(Format::Link), "one [two](url)");
        assert_eq!(out(Format::List), "- one two");
        assert_eq!(out(Format::Quote), "> one two");
    }
}
