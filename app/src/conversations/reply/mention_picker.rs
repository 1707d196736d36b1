//! `@` mentions in private notes: typing `@` lists the account's agents filtered by what
//! follows (arrows, Enter or Tab, Escape, like the canned-response picker); picking one writes
//! `@Name` in the box. On send, each picked `@Name` becomes Chatwoot's mention markup
//! `[@Name](mention://user/<id>/<Name>)`, which core turns into a mention notification.

use leptos::ev::KeyboardEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

use super::editing;
use crate::conversations::models::Choice;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;

/// At most this many suggestions are shown.
const SHOWN: usize = 6;
/// Longer `@…` words are not taken for a mention being typed.
const MAX_QUERY: usize = 40;

/// The `@` being typed before the cursor at byte `caret`: its byte offset and what follows
/// it. The `@` must start the text or follow a space or an opening bracket, and the query
/// has no spaces.
pub fn mention_query(text: &str, caret: usize) -> Option<(usize, &str)> {
    let before = text.get(..caret)?;
    let at = before.rfind('@')?;
    let query = &before[at + 1..];
    let starts_word = before[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    (starts_word && query.len() <= MAX_QUERY && !query.contains(char::is_whitespace))
        .then_some((at, query))
}

/// Agents whose name contains `query` (ignoring case), those starting with it first.
pub fn filter_agents<'a>(all: &'a [Choice], query: &str, limit: usize) -> Vec<&'a Choice> {
    let query = query.to_lowercase();
    let mut hits: Vec<(bool, &Choice)> = all
        .iter()
        .filter_map(|c| {
            let name = c.name.to_lowercase();
            name.contains(&query)
                .then(|| (!name.starts_with(&query), c))
        })
        .collect();
    hits.sort_by_key(|(later, _)| *later);
    hits.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// Chatwoot's mention link for an agent: `[@Name](mention://user/<id>/<Name, URL-encoded>)`.
pub fn markup(id: i64, name: &str) -> String {
    let label: String = name.chars().filter(|c| !matches!(c, '[' | ']')).collect();
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("[@{label}](mention://user/{id}/{encoded})")
}

/// `content` with every `@Name` of a `picked` agent turned into its mention link. Longer
/// names are tried first, so `@Ann Lee` is not taken for `@Ann`.
pub fn apply_mentions(content: &str, picked: &[Choice]) -> String {
    let mut picked: Vec<&Choice> = picked.iter().collect();
    picked.sort_by_key(|c| std::cmp::Reverse(c.name.len()));
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let starts_word = out
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        let agent = picked
            .iter()
            .find(|c| starts_word && after.starts_with(c.name.as_str()));
        match agent {
            Some(agent) => {
                out.push_str(&markup(agent.id, &agent.name));
                rest = &after[agent.name.len()..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The mention picker of one reply box.
#[derive(Debug, Clone, Copy)]
pub struct MentionPicker {
    content: RwSignal<String>,
    caret: RwSignal<usize>,
    area: NodeRef<Textarea>,
    highlight: RwSignal<usize>,
    dismissed: RwSignal<bool>,
    matches: Memo<Vec<Choice>>,
    /// The agents picked since the box was last emptied.
    picked: RwSignal<Vec<Choice>>,
}

impl MentionPicker {
    /// Watches `content` at `caret` while `note` (a private note) is on.
    pub fn new(
        account_id: i64,
        content: RwSignal<String>,
        caret: RwSignal<usize>,
        note: RwSignal<bool>,
        area: NodeRef<Textarea>,
    ) -> MentionPicker {
        let all = RwSignal::new(None::<Vec<Choice>>);
        let dismissed = RwSignal::new(false);
        let query = Memo::new(move |_| {
            if !note.get() || dismissed.get() {
                return None;
            }
            let text = content.read();
            mention_query(&text, caret.get()).map(|(_, q)| q.to_owned())
        });
        let matches = Memo::new(move |_| {
            let Some(query) = query.get() else {
                return Vec::new();
            };
            all.read()
                .as_deref()
                .map(|all| {
                    filter_agents(all, &query, SHOWN)
                        .into_iter()
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        });
        // Effects only run in the browser: the first `@` of a note loads the agents.
        Effect::new(move |_| {
            if query.with(Option::is_some) && all.with_untracked(Option::is_none) {
                all.set(Some(Vec::new()));
                load(account_id, all);
            }
        });
        MentionPicker {
            content,
            caret,
            area,
            highlight: RwSignal::new(0),
            dismissed,
            matches,
            picked: RwSignal::new(Vec::new()),
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

    /// `content` with the picked mentions as links, for sending.
    pub fn mark_up(self, content: &str) -> String {
        self.picked.with_untracked(|p| apply_mentions(content, p))
    }

    /// Forgets the picked agents (the box was sent and emptied).
    pub fn clear(self) {
        self.picked.set(Vec::new());
    }

    fn pick(self, index: usize) {
        let Some(agent) = self.matches.with_untracked(|m| m.get(index).cloned()) else {
            return;
        };
        let text = self.content.get_untracked();
        let caret = self.caret.get_untracked();
        let Some((at, _)) = mention_query(&text, caret) else {
            return;
        };
        let edit = editing::insert(&text, at, caret, &format!("@{} ", agent.name));
        self.caret.set(edit.start);
        editing::apply(self.area, self.content, edit);
        self.picked.update(|p| {
            if !p.contains(&agent) {
                p.push(agent);
            }
        });
    }
}

/// Fetches the account's agents into `all`.
fn load(account_id: i64, all: RwSignal<Option<Vec<Choice>>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        match fetch_agents(account_id).await {
            Ok(list) => all.set(Some(list)),
            // The next `@` tries again; the console says why (the tests print it).
            Err(error) => {
                leptos::logging::warn!("mention picker: could not list the agents: {error}");
                all.set(None);
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (account_id, all);
}

/// The call itself, loaded with the first `@` of a note rather than with the page (`#[lazy]`).
#[cfg(feature = "hydrate")]
#[lazy]
async fn fetch_agents(account_id: i64) -> Result<Vec<Choice>, crate::error::DashboardError> {
    super::send_fns::list_mention_agents(account_id).await
}

/// The suggestions, above the textarea; nothing when there are none.
#[component]
pub fn MentionMenu(picker: MentionPicker) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let matches = picker.matches.get();
        (!matches.is_empty()).then(|| {
            let items = matches
                .into_iter()
                .enumerate()
                .map(|(i, agent)| {
                    let selected = move || (picker.highlight.get() == i).to_string();
                    view! {
                        <li
                            role="option"
                            aria-selected=selected
                            // Keep the focus in the textarea.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| picker.pick(i)
                        >
                            {format!("@{}", agent.name)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul id=ids::MENTION_MENU class="canned-menu mention-menu" role="listbox" aria-label=tu_string!(i18n, reply.mention_agent)>
                    {items}
                </ul>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(id: i64, name: &str) -> Choice {
        Choice {
            id,
            name: name.into(),
        }
    }

    #[test]
    fn the_query_is_the_word_after_an_at_sign() {
        assert_eq!(mention_query("@", 1), Some((0, "")));
        assert_eq!(mention_query("hi @bo", 6), Some((3, "bo")));
        assert_eq!(mention_query("hi @bo and", 10), None);
        assert_eq!(mention_query("mail a@b", 8), None);
        assert_eq!(mention_query("(@bo", 4), Some((1, "bo")));
        assert_eq!(mention_query("no at", 5), None);
        // A caret inside a multi-byte char is not a panic.
        assert_eq!(mention_query("é", 1), None);
    }

    #[test]
    fn markup_is_chatwoots_link() {
        assert_eq!(
            markup(12, "Bob Smith"),
            "[@Bob Smith](mention://user/12/Bob%20Smith)"
        );
        assert_eq!(markup(3, "a[b]"), "[@ab](mention://user/3/a%5Bb%5D)");
    }

    #[test]
    fn picked_names_become_links_and_core_reads_them() {
        let picked = [agent(2, "Ann"), agent(5, "Ann Lee")];
        let sent = apply_mentions("@Ann Lee and @Ann, not @Bob or mail@Ann", &picked);
        assert_eq!(
            sent,
            "[@Ann Lee](mention://user/5/Ann%20Lee) and [@Ann](mention://user/2/Ann), \
             not @Bob or mail@Ann"
        );
        #[cfg(feature = "ssr")]
        assert_eq!(
            onechat_core::services::messages::post::mentioned_user_ids(&sent),
            [5, 2]
        );
    }

    #[test]
    fn agents_starting_with_the_query_come_first() {
        let all = [agent(1, "Zed Bob"), agent(2, "Bob"), agent(3, "Ada")];
        let names: Vec<_> = filter_agents(&all, "bo", 5)
            .into_iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Bob", "Zed Bob"]);
    }
}
