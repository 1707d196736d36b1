//! Template variables in the reply box: typing `{{` lists the variables (filtered by what
//! follows; arrows, Enter or Tab, Escape), picking one writes `{{contact.first_name}}`, and
//! names OneChat does not know are pointed out before sending (they go out as written). The
//! server replaces the variables (`onechat_core::services::messages::variables`).

use leptos::ev::KeyboardEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

use super::editing;
use crate::i18n::fill;
use crate::i18n::{tu_string, use_i18n};

/// The variables offered; the same list as core's `variables::NAMES` (a test keeps them
/// equal: core's services are not in the browser build).
pub const NAMES: [&str; 16] = [
    "contact.name",
    "contact.first_name",
    "contact.last_name",
    "contact.email",
    "contact.phone_number",
    "contact.id",
    "agent.name",
    "agent.first_name",
    "agent.last_name",
    "agent.email",
    "agent.phone_number",
    "conversation.id",
    "inbox.id",
    "inbox.name",
    "account.id",
    "account.name",
];

/// The `{{` being typed before byte `caret`: its offset and the partial name after it.
pub fn variable_query(text: &str, caret: usize) -> Option<(usize, &str)> {
    let before = text.get(..caret)?;
    let at = before.rfind("{{")?;
    let query = &before[at + 2..];
    (query.len() <= 30
        && query
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'))
    .then_some((at, query))
}

/// The variable names used in `text` that OneChat does not know.
pub fn unknown_names(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        rest = &rest[start + 2..];
        let Some(end) = rest.find("}}") else { break };
        let body = &rest[..end];
        let name = body.split_once("||").map_or(body, |(name, _)| name).trim();
        if !NAMES.contains(&name) && !unknown.iter().any(|u| u == name) {
            unknown.push(name.to_owned());
        }
        rest = &rest[end + 2..];
    }
    unknown
}

/// The variable picker of one reply box.
#[derive(Debug, Clone, Copy)]
pub struct VariablePicker {
    content: RwSignal<String>,
    caret: RwSignal<usize>,
    area: NodeRef<Textarea>,
    highlight: RwSignal<usize>,
    dismissed: RwSignal<bool>,
    matches: Memo<Vec<&'static str>>,
}

impl VariablePicker {
    /// Watches `content` at `caret`.
    pub fn new(
        content: RwSignal<String>,
        caret: RwSignal<usize>,
        area: NodeRef<Textarea>,
    ) -> VariablePicker {
        let dismissed = RwSignal::new(false);
        let matches = Memo::new(move |_| {
            if dismissed.get() {
                return Vec::new();
            }
            let text = content.read();
            let Some((_, query)) = variable_query(&text, caret.get()) else {
                return Vec::new();
            };
            let query = query.to_lowercase();
            NAMES
                .into_iter()
                .filter(|name| name.contains(&query))
                .collect()
        });
        VariablePicker {
            content,
            caret,
            area,
            highlight: RwSignal::new(0),
            dismissed,
            matches,
        }
    }

    /// The agent typed: reopen the picker at its first entry.
    pub fn on_input(self) {
        self.dismissed.set(false);
        self.highlight.set(0);
    }

    /// Arrow keys move, Enter or Tab picks, Escape closes. `true` when the key was handled.
    pub fn on_keydown(self, ev: &KeyboardEvent) -> bool {
        let count = self.matches.with_untracked(Vec::len);
        if count == 0 {
            return false;
        }
        match ev.key().as_str() {
            "ArrowDown" => self.highlight.update(|i| *i = (*i + 1) % count),
            "ArrowUp" => self.highlight.update(|i| *i = (*i + count - 1) % count),
            "Enter" | "Tab" if !ev.shift_key() => self.pick(self.highlight.get_untracked()),
            "Escape" => self.dismissed.set(true),
            _ => return false,
        }
        ev.prevent_default();
        true
    }

    fn pick(self, index: usize) {
        let Some(name) = self.matches.with_untracked(|m| m.get(index).copied()) else {
            return;
        };
        let text = self.content.get_untracked();
        let caret = self.caret.get_untracked();
        let Some((at, _)) = variable_query(&text, caret) else {
            return;
        };
        // A `}}` typed ahead of time is reused rather than doubled.
        let end = if text[caret..].starts_with("}}") {
            caret + 2
        } else {
            caret
        };
        let edit = editing::insert(&text, at, end, &format!("{{{{{name}}}}}"));
        self.caret.set(edit.start);
        editing::apply(self.area, self.content, edit);
    }
}

/// The suggestions and the unknown-variable warning.
#[component]
pub fn VariableMenu(picker: VariablePicker) -> impl IntoView {
    let i18n = use_i18n();
    let unknown = Memo::new(move |_| unknown_names(&picker.content.read()));
    view! {
        {move || {
            let matches = picker.matches.get();
            (!matches.is_empty()).then(|| {
                let items = matches
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let selected = move || (picker.highlight.get() == i).to_string();
                        view! {
                            <li
                                role="option"
                                aria-selected=selected
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| picker.pick(i)
                            >
                                {format!("{{{{{name}}}}}")}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="canned-menu" role="listbox" aria-label=tu_string!(i18n, reply.template_variables)>
                        {items}
                    </ul>
                }
            })
        }}
        {move || {
            let unknown = unknown.get();
            (!unknown.is_empty()).then(|| {
                view! {
                    <p class="muted variable-warning" role="status">
                        {fill(
                            tu_string!(i18n, reply.unknown_variables),
                            &[("names", &unknown.join(", "))],
                        )}
                    </p>
                }
            })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_cores() {
        #[cfg(feature = "ssr")]
        assert_eq!(NAMES, onechat_core::services::messages::variables::NAMES);
    }

    #[test]
    fn the_query_follows_two_braces() {
        assert_eq!(variable_query("Hi {{", 5), Some((3, "")));
        assert_eq!(variable_query("Hi {{contact.f", 14), Some((3, "contact.f")));
        assert_eq!(variable_query("Hi {{ contact }} x", 17), None);
        assert_eq!(variable_query("Hi", 2), None);
    }

    #[test]
    fn unknown_names_are_listed_once() {
        assert_eq!(
            unknown_names("{{ order.id || 'x' }} {{contact.name}} {{order.id}} {{ foo }}"),
            ["order.id", "foo"]
        );
        assert!(unknown_names("{{ contact.first_name || 'there' }}").is_empty());
    }
}
