//! The reply box's emoji picker: a button opens a small grid of common emoji, grouped, with a
//! search by name. Arrow keys move through the grid, Enter picks, Escape closes; the emoji
//! goes in at the textarea's cursor. The list is built in (about a hundred), no font or crate.

use leptos::ev::KeyboardEvent;
use leptos::html::Textarea;
use leptos::prelude::*;

use super::editing;
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::ids;

/// Columns of the grid (the CSS grid has as many): Up and Down move by this much.
const COLUMNS: usize = 8;

/// Group titles and their emoji: (emoji, name).
const GROUPS: [(&str, &[(&str, &str)]); 4] = [
    (
        "Smileys",
        &[
            ("😀", "grinning"),
            ("😃", "smiley"),
            ("😄", "smile"),
            ("😁", "grin"),
            ("😆", "laughing"),
            ("😅", "sweat smile"),
            ("😂", "joy tears"),
            ("🙂", "slight smile"),
            ("😉", "wink"),
            ("😊", "blush"),
            ("😇", "innocent"),
            ("😍", "heart eyes"),
            ("😘", "kiss"),
            ("😋", "yum"),
            ("😜", "tongue wink"),
            ("🤗", "hug"),
            ("🤔", "thinking"),
            ("🤐", "zipper mouth"),
            ("😐", "neutral"),
            ("😑", "expressionless"),
            ("😏", "smirk"),
            ("😒", "unamused"),
            ("🙄", "eye roll"),
            ("😬", "grimace"),
            ("😌", "relieved"),
            ("😔", "pensive"),
            ("😴", "sleeping"),
            ("😷", "mask"),
            ("🤒", "sick"),
            ("😎", "sunglasses cool"),
            ("🤓", "nerd"),
            ("😕", "confused"),
            ("😟", "worried"),
            ("😮", "surprised"),
            ("😳", "flushed"),
            ("😢", "cry"),
            ("😭", "sob"),
            ("😱", "scream"),
            ("😤", "triumph"),
            ("😡", "angry"),
        ],
    ),
    (
        "Gestures",
        &[
            ("👍", "thumbs up"),
            ("👎", "thumbs down"),
            ("👌", "ok hand"),
            ("✌️", "victory"),
            ("🤞", "fingers crossed"),
            ("👏", "clap"),
            ("🙌", "raised hands"),
            ("👐", "open hands"),
            ("🙏", "pray thanks"),
            ("🤝", "handshake"),
            ("👋", "wave"),
            ("✋", "raised hand"),
            ("👉", "point right"),
            ("👈", "point left"),
            ("👆", "point up"),
            ("👇", "point down"),
            ("💪", "muscle"),
            ("🤷", "shrug"),
            ("🤦", "facepalm"),
            ("🙋", "raising hand"),
        ],
    ),
    (
        "Hearts and symbols",
        &[
            ("❤️", "red heart"),
            ("🧡", "orange heart"),
            ("💛", "yellow heart"),
            ("💚", "green heart"),
            ("💙", "blue heart"),
            ("💜", "purple heart"),
            ("💔", "broken heart"),
            ("💯", "hundred"),
            ("✅", "check mark"),
            ("❌", "cross mark"),
            ("⚠️", "warning"),
            ("❓", "question"),
            ("❗", "exclamation"),
            ("⭐", "star"),
            ("✨", "sparkles"),
            ("🔥", "fire"),
            ("🎉", "party tada"),
            ("🎁", "gift"),
            ("🏆", "trophy"),
            ("🚀", "rocket"),
        ],
    ),
    (
        "Objects",
        &[
            ("👀", "eyes"),
            ("💡", "idea bulb"),
            ("📌", "pin"),
            ("📎", "paperclip"),
            ("📝", "memo note"),
            ("📅", "calendar"),
            ("⏰", "alarm clock"),
            ("⌛", "hourglass"),
            ("📞", "telephone"),
            ("📧", "email"),
            ("💬", "speech bubble"),
            ("🔒", "lock"),
            ("🔑", "key"),
            ("🛠️", "tools"),
            ("🐛", "bug"),
            ("💻", "laptop"),
            ("📱", "phone mobile"),
            ("📦", "package"),
            ("💳", "credit card"),
            ("💰", "money bag"),
            ("☕", "coffee"),
            ("🍕", "pizza"),
            ("🌟", "glowing star"),
            ("☀️", "sun"),
        ],
    ),
];

/// The groups with the emoji whose name contains `query` (all of them for an empty query);
/// empty groups are left out.
pub fn search(query: &str) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let query = query.trim().to_lowercase();
    GROUPS
        .iter()
        .map(|(title, list)| {
            let hits = list
                .iter()
                .filter(|(_, name)| name.contains(&query))
                .copied()
                .collect::<Vec<_>>();
            (*title, hits)
        })
        .filter(|(_, hits)| !hits.is_empty())
        .collect()
}

/// A group title of [`GROUPS`] as shown in `locale`.
fn group_title(locale: Locale, title: &str) -> &'static str {
    match title {
        "Gestures" => td_string!(locale, reply.emoji.groups.gestures),
        "Hearts and symbols" => td_string!(locale, reply.emoji.groups.hearts),
        "Objects" => td_string!(locale, reply.emoji.groups.objects),
        _ => td_string!(locale, reply.emoji.groups.smileys),
    }
}

/// Moves the grid's focus index for an arrow/Home/End key; `None` for other keys.
pub fn step(key: &str, index: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match key {
        "ArrowRight" => (index + 1).min(last),
        "ArrowLeft" => index.saturating_sub(1),
        "ArrowDown" => (index + COLUMNS).min(last),
        "ArrowUp" => index.saturating_sub(COLUMNS),
        "Home" => 0,
        "End" => last,
        _ => return None,
    })
}

/// Focuses the grid's emoji number `index`.
fn focus_cell(index: usize) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(el) = document()
            .get_element_by_id(&format!("{}-{index}", ids::EMOJI_PICKER))
            .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    let _ = index;
}

/// What the button and its popover share.
#[derive(Clone, Copy)]
struct Picker {
    open: RwSignal<bool>,
    area: NodeRef<Textarea>,
    content: RwSignal<String>,
}

impl Picker {
    /// Closes the popover and gives the focus back to the textarea.
    fn close(self) {
        self.open.set(false);
        #[cfg(feature = "hydrate")]
        if let Some(el) = self.area.get_untracked() {
            let _ = el.focus();
        }
    }

    /// Puts `emoji` in at the cursor and closes.
    fn pick(self, emoji: &str) {
        let text = self.content.get_untracked();
        let (start, end) = editing::selection(self.area, &text);
        self.close();
        editing::apply(
            self.area,
            self.content,
            editing::insert(&text, start, end, emoji),
        );
    }
}

/// The emoji button and its popover. The popover (the list, search and grid) is its own WASM
/// chunk, fetched the first time it opens.
#[component]
pub fn EmojiPicker(area: NodeRef<Textarea>, content: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let picker = Picker {
        open: RwSignal::new(false),
        area,
        content,
    };
    let open = picker.open;
    view! {
        <div class="emoji-picker">
            <button
                type="button"
                class="reply-tool"
                aria-label=tu_string!(i18n, reply.emoji.insert)
                title=tu_string!(i18n, reply.emoji.insert)
                aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| if open.get_untracked() { picker.close() } else { open.set(true) }
            >
                "🙂"
            </button>
            <Show when=move || open.get()>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move { popover_view(picker).await })}
                </Suspense>
            </Show>
        </div>
    }
}

/// The popover, loaded on demand (see [`EmojiPicker`]).
#[lazy]
fn popover_view(picker: Picker) -> AnyView {
    view! { <Popover picker /> }.into_any()
}

#[component]
fn Popover(picker: Picker) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let groups = Memo::new(move |_| search(&query.read()));
    let search_box = NodeRef::<leptos::html::Input>::new();
    // The focus moves to the search box once it is in the page (this part mounts after the
    // chunk arrives, so wait for the next frame).
    Effect::new(move |_| {
        if let Some(el) = search_box.get() {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    let count = move || groups.with(|g| g.iter().map(|(_, hits)| hits.len()).sum::<usize>());
    let on_grid_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            picker.close();
        } else if let Some(next) = step(&ev.key(), active.get_untracked(), count()) {
            ev.prevent_default();
            active.set(next);
            focus_cell(next);
        }
    };
    let on_search_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            picker.close();
        }
        // Enter in the search box must not submit the reply form: it picks the first hit.
        "Enter" => {
            ev.prevent_default();
            let first =
                groups.with_untracked(|g| g.first().and_then(|(_, h)| h.first()).map(|e| e.0));
            if let Some(emoji) = first {
                picker.pick(emoji);
            }
        }
        "ArrowDown" => {
            ev.prevent_default();
            active.set(0);
            focus_cell(0);
        }
        _ => {}
    };

    view! {
        <div id=ids::EMOJI_PICKER class="emoji-popover" role="dialog" aria-label=tu_string!(i18n, reply.emoji.dialog)>
            <input
                node_ref=search_box
                type="search"
                class="emoji-search"
                aria-label=tu_string!(i18n, reply.emoji.search)
                placeholder=tu_string!(i18n, reply.emoji.search)
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_search_key
            />
            <div class="emoji-groups" on:keydown=on_grid_key>
                {move || {
                    let mut index = 0;
                    let groups = groups.get();
                    if groups.is_empty() {
                        return view! { <p class="muted">{tu_string!(i18n, reply.emoji.none_found)}</p> }.into_any();
                    }
                    groups
                        .into_iter()
                        .map(|(title, hits)| {
                            let title = group_title(locale, title);
                            let cells = hits
                                .into_iter()
                                .map(|(emoji, name)| {
                                    let i = index;
                                    index += 1;
                                    view! {
                                        <button
                                            type="button"
                                            class="emoji"
                                            id=format!("{}-{i}", ids::EMOJI_PICKER)
                                            tabindex=move || if active.get() == i { "0" } else { "-1" }
                                            aria-label=name
                                            title=name
                                            on:click=move |_| picker.pick(emoji)
                                        >
                                            {emoji}
                                        </button>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="emoji-group" role="group" aria-label=title>
                                    <p class="emoji-group-title">{title}</p>
                                    <div class="emoji-grid">{cells}</div>
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_a_hundred_emoji_with_unique_names() {
        let all: Vec<_> = GROUPS.iter().flat_map(|(_, l)| l.iter()).collect();
        assert!((90..=120).contains(&all.len()), "{}", all.len());
        let mut names: Vec<_> = all.iter().map(|(_, n)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }

    #[test]
    fn search_matches_names_and_drops_empty_groups() {
        let hits = search("heart");
        assert!(hits.iter().all(|(_, h)| !h.is_empty()));
        assert!(hits.iter().any(|(t, _)| *t == "Hearts and symbols"));
        assert!(hits.iter().any(|(t, _)| *t == "Smileys"), "heart eyes");
        assert!(search("no such emoji").is_empty());
        assert_eq!(search(" ").len(), GROUPS.len());
    }

    #[test]
    fn arrows_move_within_the_grid() {
        assert_eq!(step("ArrowRight", 0, 10), Some(1));
        assert_eq!(step("ArrowRight", 9, 10), Some(9));
        assert_eq!(step("ArrowLeft", 0, 10), Some(0));
        assert_eq!(step("ArrowDown", 1, 20), Some(1 + COLUMNS));
        assert_eq!(step("ArrowUp", 3, 20), Some(0));
        assert_eq!(step("End", 3, 20), Some(19));
        assert_eq!(step("a", 3, 20), None);
        assert_eq!(step("ArrowRight", 0, 0), None);
    }
}
