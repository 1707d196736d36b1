//! The conversation list's filters as they live in the query string: parsed leniently
//! (unknown values fall back to Chatwoot's defaults) and written back so every tab, status,
//! sort and sidebar link keeps the rest of the view.

/// The assignee tabs: query value and label.
pub const TABS: [(&str, &str); 3] = [
    ("mine", "Mine"),
    ("unassigned", "Unassigned"),
    ("all", "All"),
];
/// The status filter: query value and label.
pub const STATUSES: [(&str, &str); 5] = [
    ("open", "Open"),
    ("pending", "Pending"),
    ("snoozed", "Snoozed"),
    ("resolved", "Resolved"),
    ("all", "All statuses"),
];
/// The sort orders (Chatwoot's `sort_by` values) and their labels; the first is the default.
pub const SORTS: [(&str, &str); 6] = [
    ("latest", "Last activity"),
    ("created_at_desc", "Newest first"),
    ("sort_on_created_at", "Oldest first"),
    ("sort_on_priority", "Priority"),
    ("sort_on_waiting_since", "Waiting longest"),
    ("waiting_since_desc", "Waiting shortest"),
];
/// The label of an assignee tab (one of [`TABS`]) in `locale`.
pub fn tab_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "mine" => td_string!(locale, conversations.tabs.mine),
        "unassigned" => td_string!(locale, conversations.tabs.unassigned),
        _ => td_string!(locale, conversations.tabs.all),
    }
}

/// The label of a status filter (one of [`STATUSES`]) in `locale`.
pub fn status_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "open" => td_string!(locale, conversations.statuses.open),
        "pending" => td_string!(locale, conversations.statuses.pending),
        "snoozed" => td_string!(locale, conversations.statuses.snoozed),
        "resolved" => td_string!(locale, conversations.statuses.resolved),
        _ => td_string!(locale, conversations.statuses.all),
    }
}

/// The label of a sort order (one of [`SORTS`]) in `locale`.
pub fn sort_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "created_at_desc" => td_string!(locale, conversations.sorts.created_at_desc),
        "sort_on_created_at" => td_string!(locale, conversations.sorts.sort_on_created_at),
        "sort_on_priority" => td_string!(locale, conversations.sorts.sort_on_priority),
        "sort_on_waiting_since" => td_string!(locale, conversations.sorts.sort_on_waiting_since),
        "waiting_since_desc" => td_string!(locale, conversations.sorts.waiting_since_desc),
        _ => td_string!(locale, conversations.sorts.latest),
    }
}

/// The special views of the sidebar (`conversation_type`).
pub const CONVERSATION_TYPES: [&str; 2] = ["mention", "unattended"];
use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, td_string};

/// Pages past this are not loaded (25 rows a page).
pub const MAX_PAGES: i64 = 40;

/// The list's filters. `page` is how many pages are shown (the list grows as the agent
/// scrolls, and `?page=N` shows the first N pages without JavaScript).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    /// mine, unassigned or all.
    pub assignee: &'static str,
    /// open, pending, snoozed, resolved or all.
    pub status: &'static str,
    /// One of [`SORTS`].
    pub sort: &'static str,
    /// Only this inbox.
    pub inbox_id: Option<i64>,
    /// Only this team.
    pub team_id: Option<i64>,
    /// Only conversations with this label.
    pub label: Option<String>,
    /// mention or unattended.
    pub conversation_type: Option<&'static str>,
    /// An advanced filter: Chatwoot's JSON payload, as given (validated by the server).
    pub filter: Option<String>,
    /// Pages shown, 1 to [`MAX_PAGES`].
    pub page: i64,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            assignee: TABS[0].0,
            status: STATUSES[0].0,
            sort: SORTS[0].0,
            inbox_id: None,
            team_id: None,
            label: None,
            conversation_type: None,
            filter: None,
            page: 1,
        }
    }
}

fn pick(options: &[&'static str], value: Option<&str>) -> Option<&'static str> {
    options.iter().copied().find(|key| value == Some(*key))
}

fn keys(options: &[(&'static str, &str)]) -> Vec<&'static str> {
    options.iter().map(|(key, _)| *key).collect()
}

impl Filters {
    /// From the query string; `get` reads one (decoded) parameter.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let id = |name: &str| text(name).and_then(|v| v.parse::<i64>().ok());
        let defaults = Filters::default();
        Filters {
            assignee: pick(&keys(&TABS), text("assignee").as_deref()).unwrap_or(defaults.assignee),
            status: pick(&keys(&STATUSES), text("status").as_deref()).unwrap_or(defaults.status),
            sort: pick(&keys(&SORTS), text("sort").as_deref()).unwrap_or(defaults.sort),
            inbox_id: id("inbox_id"),
            team_id: id("team_id"),
            label: text("label"),
            conversation_type: pick(&CONVERSATION_TYPES, text("conversation_type").as_deref()),
            filter: text("filter"),
            page: id("page").unwrap_or(1).clamp(1, MAX_PAGES),
        }
    }

    /// The query string that keeps these filters (always starts with `?`). Defaults other
    /// than the assignee and status are left out, so links stay short.
    pub fn query(&self) -> String {
        let mut query = format!("?assignee={}&status={}", self.assignee, self.status);
        if self.sort != SORTS[0].0 {
            query.push_str(&format!("&sort={}", self.sort));
        }
        if let Some(id) = self.inbox_id {
            query.push_str(&format!("&inbox_id={id}"));
        }
        if let Some(id) = self.team_id {
            query.push_str(&format!("&team_id={id}"));
        }
        if let Some(label) = &self.label {
            query.push_str(&format!("&label={}", encode(label)));
        }
        if let Some(kind) = self.conversation_type {
            query.push_str(&format!("&conversation_type={kind}"));
        }
        if let Some(filter) = &self.filter {
            query.push_str(&format!("&filter={}", encode(filter)));
        }
        if self.page > 1 {
            query.push_str(&format!("&page={}", self.page));
        }
        query
    }

    /// The same view without its paging (what decides whether loaded pages still apply).
    pub fn first_page(&self) -> Filters {
        Filters {
            page: 1,
            ..self.clone()
        }
    }

    /// The same view, showing `page` pages.
    pub fn with_page(&self, page: i64) -> Filters {
        Filters {
            page: page.clamp(1, MAX_PAGES),
            ..self.clone()
        }
    }

    /// Only the tab, status and sort kept: what a sidebar link starts from.
    pub fn base(&self) -> Filters {
        Filters {
            assignee: self.assignee,
            status: self.status,
            sort: self.sort,
            ..Filters::default()
        }
    }

    /// Whether an inbox, label, team, mention/unattended view or advanced filter narrows
    /// the list (the sidebar's "Conversations" entry is current when none does).
    pub fn is_narrowed(&self) -> bool {
        self.inbox_id.is_some()
            || self.team_id.is_some()
            || self.label.is_some()
            || self.conversation_type.is_some()
            || self.filter.is_some()
    }
}

/// What the list's server function is asked for: the filters as plain values, checked by
/// the server (an unknown sort or a malformed filter is an error there, not a default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    /// mine (default), unassigned or all.
    pub assignee: Option<String>,
    /// open (default), pending, snoozed, resolved or all.
    pub status: Option<String>,
    /// A Chatwoot `sort_by` value.
    pub sort: Option<String>,
    /// Only this inbox.
    pub inbox_id: Option<i64>,
    /// Only this team.
    pub team_id: Option<i64>,
    /// Only conversations with this label.
    pub label: Option<String>,
    /// mention, participating or unattended.
    pub conversation_type: Option<String>,
    /// Chatwoot's advanced filter payload as JSON; replaces the other filters.
    pub filter: Option<String>,
    /// The first this-many pages are returned.
    pub page: Option<i64>,
}

impl From<&Filters> for ListQuery {
    fn from(f: &Filters) -> ListQuery {
        ListQuery {
            assignee: Some(f.assignee.to_owned()),
            status: Some(f.status.to_owned()),
            sort: Some(f.sort.to_owned()),
            inbox_id: f.inbox_id,
            team_id: f.team_id,
            label: f.label.clone(),
            conversation_type: f.conversation_type.map(str::to_owned),
            filter: f.filter.clone(),
            page: Some(f.page),
        }
    }
}

/// A refused input of the list or search: `Invalid`, answered with 422 like core's errors.
#[cfg(feature = "ssr")]
pub fn invalid(field: &str, message: &str) -> crate::error::DashboardError {
    let error = crate::error::DashboardError::Invalid {
        message: message.to_owned(),
        fields: vec![field.to_owned()],
    };
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    error
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Filters {
        Filters::from_query(|name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn unknown_values_fall_back_to_mine_open_and_latest() {
        let f = parse(&[("assignee", "bogus"), ("sort", "sideways"), ("page", "x")]);
        assert_eq!(f, Filters::default());
        assert_eq!(f.query(), "?assignee=mine&status=open");
        let f = parse(&[("conversation_type", "participating"), ("page", "9999")]);
        assert_eq!(f.conversation_type, None);
        assert_eq!(f.page, MAX_PAGES);
    }

    #[test]
    fn the_query_keeps_every_filter() {
        let f = parse(&[
            ("assignee", "all"),
            ("status", "resolved"),
            ("sort", "sort_on_priority"),
            ("inbox_id", "3"),
            ("team_id", "4"),
            ("label", "vip customer"),
            ("conversation_type", "mention"),
            ("filter", r#"[{"attribute_key":"status"}]"#),
            ("page", "2"),
        ]);
        assert_eq!(
            f.query(),
            "?assignee=all&status=resolved&sort=sort_on_priority&inbox_id=3&team_id=4\
             &label=vip%20customer&conversation_type=mention\
             &filter=%5B%7B%22attribute_key%22%3A%22status%22%7D%5D&page=2"
        );
        assert!(f.is_narrowed());
        assert!(!f.base().is_narrowed());
        assert_eq!(f.base().sort, "sort_on_priority");
        assert_eq!(f.first_page().page, 1);
    }
}
