//! One row of the conversation list: contact, inbox, preview, time, assignee, priority,
//! labels and the unread marker.

use leptos::prelude::*;

use super::list_filters::Filters;
use super::models::{ConversationRow, relative_time};
use crate::i18n::{Locale, fill, td_string, tu_string, use_i18n};
use crate::routes;

/// Up to two initials of a name ("Ada Lovelace" → "AL").
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// A message preview with mention links (`[@Ada](mention://user/1/Ada)`) shown as `@Ada`,
/// as Chatwoot's list does. Runs on the server, which sends the preview ready to show.
#[cfg(any(feature = "ssr", test))]
pub fn plain_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[@") {
        let after = &rest[start + 1..];
        let name_end = after.find(']').unwrap_or(after.len());
        let link = after[name_end..]
            .strip_prefix("](mention://")
            .and_then(|link| link.find(')'));
        let Some(link_end) = link else {
            // Not a mention link: keep the text and look further on.
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            continue;
        };
        out.push_str(&rest[..start]);
        out.push_str(&after[..name_end]);
        rest = &after[name_end + "](mention://".len() + link_end + 1..];
    }
    out.push_str(rest);
    out
}

/// A priority value (core's `low`, `medium`, `high`, `urgent`) as shown in `locale`.
pub fn priority_value_label(locale: Locale, priority: &str) -> &'static str {
    match priority {
        "low" => td_string!(locale, conversations.priorities.low),
        "medium" => td_string!(locale, conversations.priorities.medium),
        "high" => td_string!(locale, conversations.priorities.high),
        _ => td_string!(locale, conversations.priorities.urgent),
    }
}

/// A row linking to its conversation; `pages` is how many pages the list shows, so opening
/// a conversation without JavaScript keeps them.
#[component]
pub fn Row(
    row: ConversationRow,
    account_id: i64,
    now: i64,
    pages: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let id = row.display_id;
    let href = move || {
        format!(
            "{}{}",
            routes::conversation(account_id, id),
            filters.get().with_page(pages).query()
        )
    };
    let current = move || (selected.get() == Some(id)).then_some("page");
    let unread = row.unread_count;
    let class = if unread > 0 {
        "conversation-row unread"
    } else {
        "conversation-row"
    };
    // Only core's four values become a class; anything else shows no marker.
    let priority = row
        .priority
        .filter(|p| matches!(p.as_str(), "low" | "medium" | "high" | "urgent"))
        .map(|p| {
            let label = fill(
                tu_string!(i18n, conversations.row.priority),
                &[("priority", &priority_value_label(locale, &p))],
            );
            view! {
                <span class=format!("row-priority priority-{p}") title=label.clone() aria-label=label>
                    {if p == "urgent" { "!!" } else { "!" }}
                </span>
            }
        });
    let assignee = row.assignee_name.map(|name| {
        let label = fill(
            tu_string!(i18n, conversations.row.assigned_to),
            &[("name", &name)],
        );
        view! {
            <span class="row-assignee" title=label.clone() aria-label=label>
                {initials(&name)}
            </span>
        }
    });
    let labels = (!row.labels.is_empty()).then(|| {
        let chips = row
            .labels
            .into_iter()
            .map(|chip| {
                view! {
                    <span class="row-label">
                        <span class="label-dot" style=format!("background:{}", chip.color) aria-hidden="true"></span>
                        {chip.title}
                    </span>
                }
            })
            .collect_view();
        view! { <span class="row-labels">{chips}</span> }
    });
    view! {
        <li>
            <a class=class href=href aria-current=current data-display-id=id>
                <span class="row-line">
                    <span class="contact-name">{row.contact_name}</span>
                    <span class="row-end">
                        {priority}
                        <time class="muted">{relative_time(crate::i18n::page_locale(), row.last_activity_at, now)}</time>
                    </span>
                </span>
                <span class="row-line row-meta">
                    <span class="row-inbox muted">{row.inbox_name}</span>
                    {assignee}
                </span>
                <span class="row-line">
                    <span class="preview">{row.preview}</span>
                    {(unread > 0).then(|| view! {
                        <span class="unread-badge" title=tu_string!(i18n, conversations.row.unread_messages) aria-label=fill(tu_string!(i18n, conversations.row.unread_count), &[("count", &unread)])>
                            {unread}
                        </span>
                    })}
                </span>
                {labels}
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::{initials, plain_mentions};

    #[test]
    fn mention_links_become_names() {
        assert_eq!(
            plain_mentions(
                "[@Ada](mention://user/1/Ada) can you look? cc [@Bo B](mention://user/2/Bo%20B)"
            ),
            "@Ada can you look? cc @Bo B"
        );
        assert_eq!(
            plain_mentions("a [@b] c [@d](http://x)"),
            "a [@b] c [@d](http://x)"
        );
        assert_eq!(
            plain_mentions("[@b] then [@Ada](mention://user/1/Ada)!"),
            "[@b] then @Ada!"
        );
        assert_eq!(
            plain_mentions("[@Ada](mention://user/1/Ada"),
            "[@Ada](mention://user/1/Ada"
        );
    }

    #[test]
    fn initials_take_the_first_two_words() {
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("  grace  brewster murray "), "GB");
        assert_eq!(initials("Élodie"), "É");
        assert_eq!(initials(""), "");
    }
}
