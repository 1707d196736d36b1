//! The command bar's commands as plain data: navigation everywhere, and actions on the open
//! conversation (aware of its status), with the search that narrows them.

use crate::conversations::options::{SNOOZES, snooze_label};
use crate::i18n::{Locale, fill, td_string};
use crate::routes;

/// What running a command does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Go to this URL.
    Go(String),
    /// Show another list of commands.
    Open(Menu),
    /// Show the keyboard shortcuts.
    Shortcuts,
    /// Set the status (`open`, `resolved`, `pending`).
    Status(&'static str),
    /// Snooze (one of [`SNOOZES`]).
    Snooze(&'static str),
    /// Assign an agent (`None` removes the assignee).
    Assign(Option<i64>),
    /// Assign a team (`None` removes the team).
    Team(Option<i64>),
    /// Add a label.
    Label(String),
    /// Set the priority (`none` clears it).
    Priority(&'static str),
    /// Mute (`true`) or unmute.
    Mute(bool),
}

/// A list of commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// Everything at the top level.
    Root,
    /// Snooze options.
    Snooze,
    /// Agents to assign.
    Agents,
    /// Teams to assign.
    Teams,
    /// Labels to add.
    Labels,
    /// Priorities.
    Priority,
}

/// One command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The group it is listed under.
    pub section: &'static str,
    /// What is shown and searched.
    pub title: String,
    /// The shortcut shown beside it, if any.
    pub hint: &'static str,
    /// What it does.
    pub run: Run,
}

fn command(
    section: &'static str,
    title: impl Into<String>,
    hint: &'static str,
    run: Run,
) -> Command {
    Command {
        section,
        title: title.into(),
        hint,
        run,
    }
}

/// The open conversation, as far as the commands care.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Target {
    /// `open`, `pending`, `resolved` or `snoozed`.
    pub status: String,
    /// Whether it is muted.
    pub muted: bool,
    /// Its labels (not offered again).
    pub labels: Vec<String>,
}

/// What the submenus list: `(id, name)` of agents and teams, and label titles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lists {
    /// Agents of the account.
    pub agents: Vec<(i64, String)>,
    /// Teams.
    pub teams: Vec<(i64, String)>,
    /// Label titles.
    pub labels: Vec<String>,
}

/// The navigation commands.
fn navigation(locale: Locale, account_id: i64) -> Vec<Command> {
    let dashboard = routes::dashboard(account_id);
    let general = td_string!(locale, command_bar.sections.general);
    vec![
        command(
            general,
            td_string!(locale, command_bar.go_conversations),
            "Alt C",
            Run::Go(dashboard.clone()),
        ),
        command(
            general,
            td_string!(locale, command_bar.go_mentions),
            "",
            Run::Go(format!(
                "{dashboard}?assignee=all&status=open&conversation_type=mention"
            )),
        ),
        command(
            general,
            td_string!(locale, command_bar.go_unattended),
            "",
            Run::Go(format!(
                "{dashboard}?assignee=all&status=open&conversation_type=unattended"
            )),
        ),
        command(
            general,
            td_string!(locale, command_bar.go_contacts),
            "",
            Run::Go(routes::contacts(account_id)),
        ),
        command(
            general,
            td_string!(locale, command_bar.go_notifications),
            "",
            Run::Go(routes::notifications(account_id)),
        ),
        command(
            general,
            td_string!(locale, command_bar.search_messages),
            "",
            Run::Go(routes::search(account_id)),
        ),
        command(
            general,
            td_string!(locale, command_bar.go_profile_settings),
            "",
            Run::Go(routes::profile_settings(account_id)),
        ),
        command(
            general,
            td_string!(locale, command_bar.keyboard_shortcuts),
            "Ctrl /",
            Run::Shortcuts,
        ),
    ]
}

/// The commands of `menu` in `locale`: with an open conversation (`target`), its actions too.
pub fn commands(
    locale: Locale,
    account_id: i64,
    menu: Menu,
    target: Option<&Target>,
    lists: &Lists,
) -> Vec<Command> {
    match menu {
        Menu::Root => {
            let mut all = Vec::new();
            if let Some(target) = target {
                all.extend(conversation_actions(locale, target));
            }
            all.extend(navigation(locale, account_id));
            all
        }
        Menu::Snooze => SNOOZES
            .iter()
            .map(|&(value, _)| {
                command(
                    td_string!(locale, command_bar.sections.snooze),
                    snooze_label(locale, value),
                    "",
                    Run::Snooze(value),
                )
            })
            .collect(),
        Menu::Agents => {
            let section = td_string!(locale, command_bar.sections.assignee);
            std::iter::once(command(
                section,
                td_string!(locale, command_bar.unassign),
                "",
                Run::Assign(None),
            ))
            .chain(lists.agents.iter().map(|(id, name)| {
                command(
                    section,
                    fill(
                        td_string!(locale, command_bar.assign_to),
                        &[("name", &name)],
                    ),
                    "",
                    Run::Assign(Some(*id)),
                )
            }))
            .collect()
        }
        Menu::Teams => {
            let section = td_string!(locale, command_bar.sections.team);
            std::iter::once(command(
                section,
                td_string!(locale, command_bar.remove_team),
                "",
                Run::Team(None),
            ))
            .chain(lists.teams.iter().map(|(id, name)| {
                command(
                    section,
                    fill(
                        td_string!(locale, command_bar.assign_team_named),
                        &[("name", &name)],
                    ),
                    "",
                    Run::Team(Some(*id)),
                )
            }))
            .collect()
        }
        Menu::Labels => lists
            .labels
            .iter()
            .filter(|title| target.is_none_or(|t| !t.labels.contains(title)))
            .map(|title| {
                command(
                    td_string!(locale, command_bar.sections.label),
                    fill(
                        td_string!(locale, command_bar.add_label_named),
                        &[("title", &title)],
                    ),
                    "",
                    Run::Label(title.clone()),
                )
            })
            .collect(),
        Menu::Priority => [
            ("none", td_string!(locale, command_bar.priorities.none)),
            ("low", td_string!(locale, command_bar.priorities.low)),
            ("medium", td_string!(locale, command_bar.priorities.medium)),
            ("high", td_string!(locale, command_bar.priorities.high)),
            ("urgent", td_string!(locale, command_bar.priorities.urgent)),
        ]
        .iter()
        .map(|&(value, label)| {
            command(
                td_string!(locale, command_bar.sections.priority),
                fill(
                    td_string!(locale, command_bar.priority_named),
                    &[("label", &label)],
                ),
                "",
                Run::Priority(value),
            )
        })
        .collect(),
    }
}

/// The actions on the open conversation, aware of its status and mute.
fn conversation_actions(locale: Locale, target: &Target) -> Vec<Command> {
    let section = td_string!(locale, command_bar.sections.conversation);
    let mut actions = Vec::new();
    if target.status == "resolved" {
        actions.push(command(
            section,
            td_string!(locale, command_bar.reopen),
            "",
            Run::Status("open"),
        ));
    } else {
        actions.push(command(
            section,
            td_string!(locale, command_bar.resolve),
            "Alt E",
            Run::Status("resolved"),
        ));
    }
    if target.status != "pending" {
        actions.push(command(
            section,
            td_string!(locale, command_bar.mark_pending),
            "",
            Run::Status("pending"),
        ));
    }
    actions.push(command(
        section,
        td_string!(locale, command_bar.snooze),
        "Alt M",
        Run::Open(Menu::Snooze),
    ));
    actions.push(command(
        section,
        td_string!(locale, command_bar.assign_agent),
        "",
        Run::Open(Menu::Agents),
    ));
    actions.push(command(
        section,
        td_string!(locale, command_bar.assign_team),
        "",
        Run::Open(Menu::Teams),
    ));
    actions.push(command(
        section,
        td_string!(locale, command_bar.add_label),
        "",
        Run::Open(Menu::Labels),
    ));
    actions.push(command(
        section,
        td_string!(locale, command_bar.assign_priority),
        "",
        Run::Open(Menu::Priority),
    ));
    actions.push(if target.muted {
        command(
            section,
            td_string!(locale, command_bar.unmute),
            "",
            Run::Mute(false),
        )
    } else {
        command(
            section,
            td_string!(locale, command_bar.mute),
            "",
            Run::Mute(true),
        )
    });
    actions
}

/// The commands the search shows. At the top level a search also reaches into the submenus,
/// so typing an agent's name offers "Assign to …" directly.
pub fn search(
    locale: Locale,
    account_id: i64,
    menu: Menu,
    query: &str,
    target: Option<&Target>,
    lists: &Lists,
) -> Vec<Command> {
    let query = query.trim().to_lowercase();
    let mut pool = commands(locale, account_id, menu, target, lists);
    if menu == Menu::Root && !query.is_empty() && target.is_some() {
        for sub in [
            Menu::Agents,
            Menu::Teams,
            Menu::Labels,
            Menu::Snooze,
            Menu::Priority,
        ] {
            pool.extend(commands(locale, account_id, sub, target, lists));
        }
    }
    if query.is_empty() {
        return pool;
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut hits: Vec<(usize, Command)> = pool
        .into_iter()
        .filter_map(|c| {
            let title = c.title.to_lowercase();
            let haystack = format!("{title} {}", c.section.to_lowercase());
            if !words.iter().all(|w| haystack.contains(w)) {
                return None;
            }
            // Titles that start with the query, then titles containing it, then the rest.
            let rank = if title.starts_with(&query) {
                0
            } else if title.contains(&query) {
                1
            } else {
                2
            };
            Some((rank, c))
        })
        .collect();
    hits.sort_by_key(|(rank, _)| *rank);
    hits.into_iter().map(|(_, c)| c).collect()
}

/// The keyboard shortcuts shown in the help, in `locale`: keys and what they do.
pub fn shortcuts(locale: Locale) -> [(&'static str, &'static str); 10] {
    [
        (
            "Ctrl K / ⌘ K",
            td_string!(locale, command_bar.shortcuts.open_bar),
        ),
        (
            "Ctrl / / ⌘ /",
            td_string!(locale, command_bar.shortcuts.show_help),
        ),
        (
            "Alt J / Alt K",
            td_string!(locale, command_bar.shortcuts.next_previous),
        ),
        ("Alt E", td_string!(locale, command_bar.shortcuts.resolve)),
        ("Alt M", td_string!(locale, command_bar.shortcuts.snooze)),
        (
            "Alt C",
            td_string!(locale, command_bar.shortcuts.conversations),
        ),
        ("Alt N", td_string!(locale, command_bar.shortcuts.next_tab)),
        ("↑ ↓", td_string!(locale, command_bar.shortcuts.move_in_bar)),
        ("Enter", td_string!(locale, command_bar.shortcuts.run)),
        ("Esc", td_string!(locale, command_bar.shortcuts.close)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Locale = Locale::en;

    fn lists() -> Lists {
        Lists {
            agents: vec![(2, "Bob Builder".into()), (3, "Cara Diaz".into())],
            teams: vec![(5, "Billing".into())],
            labels: vec!["vip".into(), "bug".into()],
        }
    }

    fn open() -> Target {
        Target {
            status: "open".into(),
            muted: false,
            labels: vec!["bug".into()],
        }
    }

    fn titles(commands: &[Command]) -> Vec<&str> {
        commands.iter().map(|c| c.title.as_str()).collect()
    }

    #[test]
    fn actions_follow_the_conversation() {
        let root = commands(EN, 1, Menu::Root, Some(&open()), &lists());
        assert_eq!(root[0].title, "Resolve conversation");
        assert!(titles(&root).contains(&"Mute conversation"));
        let resolved = Target {
            status: "resolved".into(),
            muted: true,
            ..open()
        };
        let root = commands(EN, 1, Menu::Root, Some(&resolved), &lists());
        assert_eq!(root[0].title, "Reopen conversation");
        assert!(titles(&root).contains(&"Unmute conversation"));
        // Without a conversation only navigation is offered.
        let plain = commands(EN, 1, Menu::Root, None, &lists());
        assert!(plain.iter().all(|c| c.section == "General"));
        assert_eq!(plain[0].run, Run::Go("/app/accounts/1/dashboard".into()));
        // Labels already on the conversation are not offered again.
        let labels = commands(EN, 1, Menu::Labels, Some(&open()), &lists());
        assert_eq!(titles(&labels), ["Add label vip"]);
    }

    #[test]
    fn search_reaches_agents_from_the_top() {
        let hits = search(EN, 1, Menu::Root, "cara", Some(&open()), &lists());
        assert_eq!(hits[0].title, "Assign to Cara Diaz");
        assert_eq!(hits[0].run, Run::Assign(Some(3)));
        let hits = search(EN, 1, Menu::Root, "  RESOLVE ", Some(&open()), &lists());
        assert_eq!(hits[0].run, Run::Status("resolved"));
        let hits = search(EN, 1, Menu::Root, "go notif", None, &lists());
        assert_eq!(titles(&hits), ["Go to Notifications"]);
        assert!(search(EN, 1, Menu::Root, "cara", None, &lists()).is_empty());
        assert_eq!(
            search(EN, 1, Menu::Snooze, "", Some(&open()), &lists()).len(),
            3
        );
    }
}
