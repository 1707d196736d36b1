//! The command bar's dialog and the keyboard shortcuts help, and what running a command
//! does. Actions call the conversation server functions, then bump the workspace's live
//! tick so the open thread and the list refetch.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use super::commands::{self, Command, Lists, Menu, Run, Target};
use crate::conversations::Live;
use crate::error::DashboardError;
use crate::i18n::{Locale, td_string, tu_string, use_i18n};

/// The command bar's state, shared by the dialog and the keyboard listener.
#[derive(Debug, Clone, Copy)]
pub struct Bar {
    /// The account of the workspace.
    pub account_id: i64,
    /// The dashboard's language.
    pub locale: Locale,
    /// The dialog is shown.
    pub open: RwSignal<bool>,
    /// The shortcuts help is shown.
    pub help: RwSignal<bool>,
    /// The list shown.
    pub menu: RwSignal<Menu>,
    /// The search text.
    pub query: RwSignal<String>,
    /// The highlighted result.
    pub highlight: RwSignal<usize>,
    /// Agents, teams and labels, loaded on first open.
    pub lists: RwSignal<Option<Lists>>,
    /// The open conversation's status, mute and labels, loaded on open.
    pub target: RwSignal<Option<Target>>,
    /// The last failure.
    pub error: RwSignal<Option<String>>,
    /// The conversation open in the workspace (from the URL).
    pub display_id: Memo<Option<i64>>,
    /// The workspace's live state, to make the thread and list refetch.
    pub live: Option<Live>,
}

/// The display id in `…/conversations/<id>`.
pub fn open_conversation(path: &str) -> Option<i64> {
    let rest = path.split("/conversations/").nth(1)?;
    rest.split(['/', '?', '#']).next()?.parse().ok()
}

impl Bar {
    /// Opens the dialog on `menu` and loads what it lists (from the keyboard listener).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub fn show(self, menu: Menu) {
        #[cfg(feature = "hydrate")]
        super::keys::remember_focus();
        self.help.set(false);
        self.menu.set(menu);
        self.query.set(String::new());
        self.highlight.set(0);
        self.error.set(None);
        self.open.set(true);
        #[cfg(feature = "hydrate")]
        super::keys::focus_soon("command-input");
        self.load();
    }

    /// Closes the dialog (and the help); the focus returns where it was.
    pub fn close(self) {
        let was_open = self.open.get_untracked() || self.help.get_untracked();
        self.open.set(false);
        self.help.set(false);
        #[cfg(feature = "hydrate")]
        if was_open {
            super::keys::restore_focus();
        }
        let _ = was_open;
    }

    /// The results for the current menu and search.
    fn results(self) -> Vec<Command> {
        let target = self.display_id.get().map(|_| {
            self.target.get().unwrap_or_else(|| Target {
                status: "open".into(),
                ..Target::default()
            })
        });
        let lists = self.lists.get().unwrap_or_default();
        commands::search(
            self.locale,
            self.account_id,
            self.menu.get(),
            &self.query.read(),
            target.as_ref(),
            &lists,
        )
    }

    /// Runs a command: navigation at once, actions on the open conversation in the
    /// background.
    pub fn run(self, command: Command, navigate: &impl Fn(&str, NavigateOptions)) {
        match command.run {
            Run::Go(url) => {
                self.close();
                navigate(&url, NavigateOptions::default());
            }
            Run::Open(menu) => {
                self.menu.set(menu);
                self.query.set(String::new());
                self.highlight.set(0);
            }
            Run::Shortcuts => {
                self.open.set(false);
                self.help.set(true);
                #[cfg(feature = "hydrate")]
                super::keys::focus_soon("shortcuts-close");
            }
            action => self.perform(action),
        }
    }

    /// Carries out an action on the open conversation.
    pub fn perform(self, action: Run) {
        let Some(display_id) = self.display_id.get_untracked() else {
            return;
        };
        let account_id = self.account_id;
        leptos::task::spawn_local(async move {
            match act(account_id, display_id, action).await {
                Ok(()) => {
                    if let Some(live) = self.live {
                        live.tick.update(|t| *t += 1);
                    }
                    self.close();
                }
                Err(e) => self.error.set(Some(e.to_string())),
            }
        });
    }

    /// Fetches the lists (once) and the open conversation's state.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn load(self) {
        #[cfg(feature = "hydrate")]
        {
            let account_id = self.account_id;
            if self.lists.get_untracked().is_none() {
                leptos::task::spawn_local(async move {
                    if let Some(lists) = fetch_lists(account_id).await {
                        self.lists.set(Some(lists));
                    }
                });
            }
            self.target.set(None);
            if let Some(display_id) = self.display_id.get_untracked() {
                leptos::task::spawn_local(async move {
                    if let Some(target) = fetch_target(account_id, display_id).await {
                        self.target.set(Some(target));
                    }
                });
            }
        }
    }
}

/// The agents, teams and labels the palette lists. Like [`act`], loaded with the palette's
/// first use rather than with the page (`#[lazy]`): the typed calls and their decoders are
/// only needed once the agent opens it.
#[cfg(feature = "hydrate")]
#[lazy]
async fn fetch_lists(account_id: i64) -> Option<Lists> {
    let c = crate::conversations::filters::get_filter_choices(account_id)
        .await
        .ok()?;
    let id = |v: &str| v.parse::<i64>().ok();
    Some(Lists {
        agents: c
            .agents
            .into_iter()
            .filter_map(|a| Some((id(&a.value)?, a.label)))
            .collect(),
        teams: c
            .teams
            .into_iter()
            .filter_map(|t| Some((id(&t.value)?, t.label)))
            .collect(),
        labels: c.labels.into_iter().map(|l| l.value).collect(),
    })
}

/// The open conversation's status, mute and labels (see [`fetch_lists`]).
#[cfg(feature = "hydrate")]
#[lazy]
async fn fetch_target(account_id: i64, display_id: i64) -> Option<Target> {
    let t = super::server_fns::get_command_target(account_id, display_id)
        .await
        .ok()?;
    Some(Target {
        status: t.status,
        muted: t.muted,
        labels: t.labels,
    })
}

/// The server function behind an action. Loaded on the first action rather than with the
/// page (`#[lazy]`): six typed server-function calls the page itself never makes.
#[lazy]
async fn act(account_id: i64, display_id: i64, action: Run) -> Result<(), DashboardError> {
    use crate::conversations::{
        assign_conversation, assign_team, set_conversation_priority, set_conversation_status,
        set_muted,
    };
    let id = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_default();
    match action {
        Run::Status(status) => {
            set_conversation_status(account_id, display_id, status.into(), String::new()).await
        }
        Run::Snooze(when) => {
            set_conversation_status(account_id, display_id, "snoozed".into(), when.into()).await
        }
        Run::Assign(agent) => assign_conversation(account_id, display_id, id(agent)).await,
        Run::Team(team) => assign_team(account_id, display_id, id(team)).await,
        Run::Label(label) => {
            super::server_fns::add_conversation_label(account_id, display_id, label).await
        }
        Run::Priority(priority) => {
            set_conversation_priority(account_id, display_id, priority.into()).await
        }
        Run::Mute(mute) => set_muted(account_id, display_id, mute).await,
        Run::Go(_) | Run::Open(_) | Run::Shortcuts => Ok(()),
    }
}

/// Mounted once in the workspace frame: the keyboard listener, the dialog and the help.
#[component]
pub fn CommandBar(account_id: i64) -> impl IntoView {
    let location = use_location();
    let display_id = Memo::new(move |_| open_conversation(&location.pathname.get()));
    let bar = Bar {
        account_id,
        locale: use_i18n().get_locale_untracked(),
        open: RwSignal::new(false),
        help: RwSignal::new(false),
        menu: RwSignal::new(Menu::Root),
        query: RwSignal::new(String::new()),
        highlight: RwSignal::new(0),
        lists: RwSignal::new(None),
        target: RwSignal::new(None),
        error: RwSignal::new(None),
        display_id,
        live: use_context::<Live>(),
    };
    #[cfg(feature = "hydrate")]
    super::keys::listen(bar, use_navigate());
    // The dialogs' code is a WASM chunk of its own, fetched the first time one opens: most
    // page loads never open the bar, so the main bundle does not carry it.
    view! {
        <Show when=move || bar.open.get()>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { palette_view(bar).await })}
            </Suspense>
        </Show>
        <Show when=move || bar.help.get()>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { shortcuts_view(bar).await })}
            </Suspense>
        </Show>
    }
}

/// The command palette, loaded on demand (see [`CommandBar`]).
#[lazy]
fn palette_view(bar: Bar) -> AnyView {
    view! { <Palette bar /> }.into_any()
}

/// The keyboard shortcuts help, loaded on demand (see [`CommandBar`]).
#[lazy]
fn shortcuts_view(bar: Bar) -> AnyView {
    view! { <ShortcutsHelp bar /> }.into_any()
}

/// The placeholder of each list.
fn placeholder(locale: Locale, menu: Menu) -> &'static str {
    match menu {
        Menu::Root => td_string!(locale, command_bar.placeholders.root),
        Menu::Snooze => td_string!(locale, command_bar.placeholders.snooze),
        Menu::Agents => td_string!(locale, command_bar.placeholders.agents),
        Menu::Teams => td_string!(locale, command_bar.placeholders.teams),
        Menu::Labels => td_string!(locale, command_bar.placeholders.labels),
        Menu::Priority => td_string!(locale, command_bar.placeholders.priority),
    }
}

#[component]
fn Palette(bar: Bar) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let input = NodeRef::<html::Input>::new();
    // On the next frame: the palette is built before its (lazily loaded) `Suspense` mounts it.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            request_animation_frame(move || {
                let _ = el.focus();
            });
        }
    });
    let results = Memo::new(move |_| bar.results());
    let on_keydown = {
        let navigate = navigate.clone();
        move |ev: KeyboardEvent| {
            let count = results.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => bar.highlight.update(|h| *h = (*h + 1) % count),
                "ArrowUp" if count > 0 => bar.highlight.update(|h| *h = (*h + count - 1) % count),
                "Enter" => {
                    let picked =
                        results.with_untracked(|r| r.get(bar.highlight.get_untracked()).cloned());
                    if let Some(command) = picked {
                        bar.run(command, &navigate);
                    }
                }
                "Escape" => bar.close(),
                "Backspace"
                    if bar.query.with_untracked(String::is_empty)
                        && bar.menu.get_untracked() != Menu::Root =>
                {
                    bar.menu.set(Menu::Root);
                    bar.highlight.set(0);
                }
                // The search box is the dialog's only stop: Tab stays in it.
                "Tab" => {}
                _ => return,
            }
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let items = move || {
        let navigate = navigate.clone();
        results
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, command)| {
                let navigate = navigate.clone();
                let selected = move || bar.highlight.get() == i;
                let hint = (!command.hint.is_empty())
                    .then(|| view! { <kbd class="command-hint">{command.hint}</kbd> });
                let section = command.section;
                let title = command.title.clone();
                view! {
                    <li
                        id=format!("command-{i}")
                        role="option"
                        class="command-item"
                        class:highlighted=selected
                        aria-selected=move || selected().to_string()
                        // Keep the focus in the search box.
                        on:mousedown=|ev| ev.prevent_default()
                        on:mousemove=move |_| bar.highlight.set(i)
                        on:click=move |_| bar.run(command.clone(), &navigate)
                    >
                        <span class="command-section">{section}</span>
                        <span class="command-title">{title}</span>
                        {hint}
                    </li>
                }
            })
            .collect_view()
    };
    let empty = move || results.with(Vec::is_empty);
    let dialog = NodeRef::<html::Div>::new();
    // A modal keeps the focus: when it leaves the dialog (a click outside, or another part
    // of the page taking it), it comes back to the search box.
    let keep_focus = move |ev: leptos::ev::FocusEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            // Closing removes the dialog after its owner is gone: then there is nothing to do.
            let Some(current) = dialog.try_get_untracked() else {
                return;
            };
            let inside = match (current, ev.related_target()) {
                (Some(dialog), Some(target)) => target
                    .dyn_into::<leptos::web_sys::Node>()
                    .is_ok_and(|node| dialog.contains(Some(&node))),
                _ => false,
            };
            if !inside {
                set_timeout(
                    move || {
                        if bar.open.try_get_untracked() != Some(true) {
                            return;
                        }
                        if let Some(el) = input.try_get_untracked().flatten() {
                            let _ = el.focus();
                        }
                    },
                    std::time::Duration::ZERO,
                );
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };

    view! {
        <div class="command-backdrop" on:click=move |_| bar.close()></div>
        <div
            id="command-bar"
            node_ref=dialog
            class="command-bar"
            role="dialog"
            aria-modal="true"
            aria-label=tu_string!(i18n, command_bar.dialog_label)
            on:focusout=keep_focus
        >
            <input
                node_ref=input
                id="command-input"
                type="text"
                class="command-input"
                role="combobox"
                aria-label=tu_string!(i18n, command_bar.search_label)
                aria-expanded="true"
                aria-controls="command-list"
                aria-autocomplete="list"
                autocomplete="off"
                aria-activedescendant=move || {
                    (!empty()).then(|| format!("command-{}", bar.highlight.get()))
                }
                placeholder=move || placeholder(bar.locale, bar.menu.get())
                prop:value=move || bar.query.get()
                on:input=move |ev| {
                    bar.query.set(event_target_value(&ev));
                    bar.highlight.set(0);
                }
                on:keydown=on_keydown
            />
            <ul id="command-list" class="command-list" role="listbox" aria-label=tu_string!(i18n, command_bar.list_label)>
                {items}
            </ul>
            <Show when=empty>
                <p class="muted command-empty">{tu_string!(i18n, command_bar.no_matches)}</p>
            </Show>
            <p class="form-error" role="alert">{move || bar.error.get()}</p>
        </div>
    }
}

#[component]
fn ShortcutsHelp(bar: Bar) -> impl IntoView {
    let i18n = use_i18n();
    let close = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = close.get() {
            let _ = el.focus();
        }
    });
    let rows = commands::shortcuts(bar.locale)
        .iter()
        .map(|&(keys, what)| {
            view! {
                <tr>
                    <td><kbd>{keys}</kbd></td>
                    <td>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="command-backdrop" on:click=move |_| bar.close()></div>
        <div
            id="shortcuts-help"
            class="command-bar shortcuts-help"
            role="dialog"
            aria-modal="true"
            aria-labelledby="shortcuts-title"
            on:keydown=move |ev: KeyboardEvent| {
                // The only control is Close: Tab stays on it, Escape closes.
                match ev.key().as_str() {
                    "Escape" => bar.close(),
                    "Tab" => {}
                    _ => return,
                }
                ev.prevent_default();
                ev.stop_propagation();
            }
        >
            <h2 id="shortcuts-title">{tu_string!(i18n, command_bar.keyboard_shortcuts)}</h2>
            <table class="shortcuts-table">
                <tbody>{rows}</tbody>
            </table>
            <button type="button" id="shortcuts-close" class="button" node_ref=close on:click=move |_| bar.close()>{tu_string!(i18n, command_bar.close)}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::open_conversation;

    #[test]
    fn the_open_conversation_comes_from_the_path() {
        assert_eq!(
            open_conversation("/app/accounts/1/conversations/42"),
            Some(42)
        );
        assert_eq!(
            open_conversation("/app/accounts/1/conversations/42/"),
            Some(42)
        );
        assert_eq!(open_conversation("/app/accounts/1/dashboard"), None);
        assert_eq!(open_conversation("/app/accounts/1/conversations/x"), None);
    }
}
