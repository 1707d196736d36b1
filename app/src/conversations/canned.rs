//! The reply box's canned-response picker: a message starting with `/` lists the account's
//! canned responses whose short code matches; Enter, Tab or a click puts one in the box.
//! The list is fetched on the first `/`, in the browser only.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::options::{CannedChoice, filter_canned, slash_query};
use crate::i18n::{tu_string, use_i18n};
use crate::ids;

/// At most this many suggestions are shown.
const SHOWN: usize = 8;

/// The picker of one reply box.
#[derive(Debug, Clone, Copy)]
pub struct CannedPicker {
    content: RwSignal<String>,
    /// The cursor (bytes), moved to the end of what a pick puts in.
    caret: RwSignal<usize>,
    highlight: RwSignal<usize>,
    /// Escape closes the picker until the next keystroke.
    dismissed: RwSignal<bool>,
    matches: Memo<Vec<CannedChoice>>,
}

impl CannedPicker {
    /// Watches `content` (the reply box's text) with its cursor at `caret`.
    pub fn new(account_id: i64, content: RwSignal<String>, caret: RwSignal<usize>) -> CannedPicker {
        let all = RwSignal::new(None::<Vec<CannedChoice>>);
        let dismissed = RwSignal::new(false);
        let matches = Memo::new(move |_| {
            if dismissed.get() {
                return Vec::new();
            }
            let text = content.read();
            let Some(query) = slash_query(&text) else {
                return Vec::new();
            };
            all.read()
                .as_deref()
                .map(|all| {
                    filter_canned(all, query, SHOWN)
                        .into_iter()
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        });
        // Effects only run in the browser: the first `/` loads the list.
        Effect::new(move |_| {
            let wanted = content.with(|text| slash_query(text).is_some());
            if wanted && all.with_untracked(Option::is_none) {
                all.set(Some(Vec::new()));
                load(account_id, all);
            }
        });
        CannedPicker {
            content,
            caret,
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
        let chosen = self
            .matches
            .with_untracked(|m| m.get(index).map(|c| c.content.clone()));
        if let Some(text) = chosen {
            // The browser puts the cursor at the end of a replaced value.
            self.caret.set(text.len());
            self.content.set(text);
        }
    }
}

/// Fetches the account's canned responses into `all`.
fn load(account_id: i64, all: RwSignal<Option<Vec<CannedChoice>>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        match fetch_canned(account_id).await {
            Ok(list) => all.set(Some(list)),
            // The next `/` tries again; the console says why (the tests print it).
            Err(error) => {
                leptos::logging::warn!("canned responses: could not list them: {error}");
                all.set(None);
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (account_id, all);
}

/// The call itself, loaded with the first `/` rather than with the page (`#[lazy]`).
#[cfg(feature = "hydrate")]
#[lazy]
async fn fetch_canned(account_id: i64) -> Result<Vec<CannedChoice>, crate::error::DashboardError> {
    super::action_fns::list_canned_responses(account_id).await
}

/// The suggestions, above the textarea; empty (and hidden) when there are none.
#[component]
pub fn CannedMenu(picker: CannedPicker) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let matches = picker.matches.get();
        (!matches.is_empty()).then(|| {
            let items = matches
                .into_iter()
                .enumerate()
                .map(|(i, choice)| {
                    let selected = move || (picker.highlight.get() == i).to_string();
                    view! {
                        <li
                            role="option"
                            aria-selected=selected
                            // Keep the focus in the textarea.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| picker.pick(i)
                        >
                            <span class="short-code">{format!("/{}", choice.short_code)}</span>
                            <span class="canned-content">{choice.content}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul id=ids::CANNED_MENU class="canned-menu" role="listbox" aria-label=tu_string!(i18n, reply.canned_responses)>
                    {items}
                </ul>
            }
        })
    }
}
