//! What the contacts list shows and the query string that drives it.

use serde::{Deserialize, Serialize};

use crate::conversations::list_filters::encode;

/// The sort keys the list offers, with their column titles (Chatwoot's keys; `-` = desc).
pub const SORT_KEYS: [(&str, &str); 5] = [
    ("name", "Name"),
    ("email", "Email"),
    ("phone_number", "Phone"),
    ("last_activity_at", "Last activity"),
    ("created_at", "Created"),
];

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRow {
    /// Contact id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Avatar URL, or "".
    pub thumbnail: String,
    /// Email, or "".
    pub email: String,
    /// Phone, or "".
    pub phone_number: String,
    /// `additional_attributes.company_name`, or "".
    pub company: String,
    /// City and country joined, or "".
    pub location: String,
    /// Last activity (unix seconds).
    pub last_activity_at: Option<i64>,
}

impl ContactRow {
    /// Up to two initials of the name, for the avatar.
    pub fn initials(&self) -> String {
        let initials: String = self
            .name
            .split_whitespace()
            .filter_map(|word| word.chars().next())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect();
        if initials.is_empty() {
            "?".to_owned()
        } else {
            initials
        }
    }
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    /// The contacts of this page.
    pub rows: Vec<ContactRow>,
    /// How many match in all.
    pub count: i64,
    /// The page shown (1-based).
    pub page: i64,
    /// Rows per page.
    pub page_size: i64,
    /// The segment shown: `(id, name)`.
    pub segment: Option<(i64, String)>,
    /// The conditions applied (JSON text of `[{attribute_key…}]`), or "".
    pub filter: String,
    /// The server's clock (unix seconds), for relative times.
    pub now: i64,
}

/// The list's state as carried in the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Search text.
    pub q: String,
    /// Sort key, `-` prefixed for descending, or "".
    pub sort: String,
    /// Page (1-based).
    pub page: i64,
    /// Filter conditions (JSON text), or "".
    pub filter: String,
}

impl ListQuery {
    /// Reads the query string through `get`.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListQuery {
        ListQuery {
            q: get("q").unwrap_or_default().trim().to_owned(),
            sort: get("sort").unwrap_or_default(),
            page: get("page")
                .and_then(|p| p.parse::<i64>().ok())
                .unwrap_or(1)
                .clamp(1, 100_000),
            filter: get("filter").unwrap_or_default(),
        }
    }

    /// `?q=…&sort=…&page=…&filter=…` with the empty parts left out ("" when all are).
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if !self.sort.is_empty() {
            parts.push(format!("sort={}", encode(&self.sort)));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if !self.filter.is_empty() {
            parts.push(format!("filter={}", encode(&self.filter)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The same list sorted by `key`: ascending first, descending when already ascending.
    pub fn sorted_by(&self, key: &str) -> ListQuery {
        let sort = if self.sort == key {
            format!("-{key}")
        } else {
            key.to_owned()
        };
        ListQuery {
            sort,
            page: 1,
            ..self.clone()
        }
    }

    /// The same list on page `page`.
    pub fn on_page(&self, page: i64) -> ListQuery {
        ListQuery {
            page,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_round_trip_and_sorting_toggles() {
        let q = ListQuery::from_query(|name| match name {
            "q" => Some(" ada ".into()),
            "sort" => Some("name".into()),
            "page" => Some("0".into()),
            _ => None,
        });
        assert_eq!(q.q, "ada");
        assert_eq!(q.page, 1);
        assert_eq!(q.query(), "?q=ada&sort=name");
        assert_eq!(q.sorted_by("name").sort, "-name");
        assert_eq!(q.sorted_by("email").sort, "email");
        assert_eq!(q.on_page(3).query(), "?q=ada&sort=name&page=3");
        assert_eq!(ListQuery::default().query(), "");
        let filtered = ListQuery {
            filter: "[{\"a\":1}]".into(),
            ..ListQuery::default()
        };
        assert_eq!(filtered.query(), "?filter=%5B%7B%22a%22%3A1%7D%5D");
    }

    #[test]
    fn initials_fall_back_to_a_question_mark() {
        let row = |name: &str| ContactRow {
            id: 1,
            name: name.into(),
            thumbnail: String::new(),
            email: String::new(),
            phone_number: String::new(),
            company: String::new(),
            location: String::new(),
            last_activity_at: None,
        };
        assert_eq!(row("grace brewster hopper").initials(), "GB");
        assert_eq!(row("  ").initials(), "?");
    }
}
