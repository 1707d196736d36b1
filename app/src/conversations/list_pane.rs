//! The conversation list: assignee tabs with counts, the status filter and the rows.

use leptos::prelude::*;

use super::models::{ConversationPage, ConversationRow, relative_time};
use crate::error::DashboardError;
use crate::{ids, routes};

/// The assignee tabs: query value and label.
const TABS: [(&str, &str); 3] = [
    ("mine", "Mine"),
    ("unassigned", "Unassigned"),
    ("all", "All"),
];
/// The status filter: query value and label.
const STATUSES: [(&str, &str); 5] = [
    ("open", "Open"),
    ("pending", "Pending"),
    ("snoozed", "Snoozed"),
    ("resolved", "Resolved"),
    ("all", "All statuses"),
];

/// The list's filters, as read from the query string (unknown values fall back to the
/// defaults: Chatwoot opens on Mine, open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filters {
    /// mine, unassigned or all.
    pub assignee: &'static str,
    /// open, pending, snoozed, resolved or all.
    pub status: &'static str,
}

impl Filters {
    /// From `?assignee=…&status=…`.
    pub fn from_query(assignee: Option<String>, status: Option<String>) -> Filters {
        let pick = |options: &[(&'static str, &str)], value: Option<String>| {
            options
                .iter()
                .map(|(key, _)| *key)
                .find(|key| value.as_deref() == Some(*key))
                .unwrap_or(options[0].0)
        };
        Filters {
            assignee: pick(&TABS, assignee),
            status: pick(&STATUSES, status),
        }
    }

    /// The query string that keeps these filters.
    pub fn query(self) -> String {
        format!("?assignee={}&status={}", self.assignee, self.status)
    }
}

/// The left pane.
#[component]
pub fn ConversationList(
    account_id: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
    list: Resource<Result<ConversationPage, DashboardError>>,
) -> impl IntoView {
    let base = routes::dashboard(account_id);
    let status_links = STATUSES
        .iter()
        .map(|&(key, label)| {
            let base = base.clone();
            let href = move || {
                let f = Filters {
                    status: key,
                    ..filters.get()
                };
                format!("{base}{}", f.query())
            };
            let current = move || (filters.get().status == key).then_some("page");
            view! { <a class="chip" href=href aria-current=current>{label}</a> }
        })
        .collect_view();

    view! {
        <aside id=ids::CONVERSATION_LIST class="conversation-list" aria-label="Conversation list">
            <header class="list-header">
                <h1>"Conversations"</h1>
                <nav class="status-filter" aria-label="Status">{status_links}</nav>
            </header>
            <Transition fallback=|| view! { <p class="muted list-note">"Loading…"</p> }>
                {move || {
                    let base = base.clone();
                    Suspend::new(async move {
                        match list.await {
                            Ok(page) => view! { <ListBody page base account_id filters selected /> }.into_any(),
                            Err(error) => view! {
                                <p class="form-error list-note" role="alert">{error.to_string()}</p>
                            }.into_any(),
                        }
                    })
                }}
            </Transition>
        </aside>
    }
}

#[component]
fn ListBody(
    page: ConversationPage,
    base: String,
    account_id: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
) -> impl IntoView {
    let counts = [
        page.counts.mine_count,
        page.counts.unassigned_count,
        page.counts.all_count,
    ];
    let tabs = TABS
        .iter()
        .zip(counts)
        .map(|(&(key, label), count)| {
            let f = Filters {
                assignee: key,
                ..filters.get_untracked()
            };
            let href = format!("{base}{}", f.query());
            let current = move || (filters.get().assignee == key).then_some("page");
            view! {
                <a class="tab" href=href aria-current=current>
                    {label}
                    <span class="tab-count">{count}</span>
                </a>
            }
        })
        .collect_view();
    let now = page.now;
    let empty = page.rows.is_empty();
    let rows = page
        .rows
        .into_iter()
        .map(|row| view! { <Row row account_id now filters selected /> })
        .collect_view();

    view! {
        <nav class="tabs" aria-label="Assignee">{tabs}</nav>
        {empty.then(|| view! { <p class="muted list-note">"No conversations here."</p> })}
        <ul class="rows">{rows}</ul>
    }
}

#[component]
fn Row(
    row: ConversationRow,
    account_id: i64,
    now: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
) -> impl IntoView {
    let id = row.display_id;
    let href = move || {
        format!(
            "{}{}",
            routes::conversation(account_id, id),
            filters.get().query()
        )
    };
    let current = move || (selected.get() == Some(id)).then_some("page");
    let unread = row.unread_count;
    view! {
        <li>
            <a class="conversation-row" href=href aria-current=current data-display-id=id>
                <span class="row-line">
                    <span class="contact-name">{row.contact_name}</span>
                    <time class="muted">{relative_time(row.last_activity_at, now)}</time>
                </span>
                <span class="row-inbox muted">{row.inbox_name}</span>
                <span class="row-line">
                    <span class="preview">{row.preview}</span>
                    {(unread > 0).then(|| view! {
                        <span class="unread-badge" title="Unread messages">{unread}</span>
                    })}
                </span>
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_filters_fall_back_to_mine_and_open() {
        let f = Filters::from_query(Some("bogus".into()), None);
        assert_eq!(
            f,
            Filters {
                assignee: "mine",
                status: "open"
            }
        );
        let f = Filters::from_query(Some("all".into()), Some("resolved".into()));
        assert_eq!(f.query(), "?assignee=all&status=resolved");
    }
}
