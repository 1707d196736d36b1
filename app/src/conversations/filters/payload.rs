//! The filter builder's rules as plain functions: which attributes a conversation filter
//! accepts (those of `onechat_core::services::filters`), which operators fit each, and the
//! Chatwoot JSON payload built from (and read back into) the builder's rows.

use serde_json::{Value, json};

use crate::i18n::fill;
use crate::i18n::{Locale, td_string};

/// What kind of value an attribute takes; decides its operators and its value control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// open, pending, resolved, snoozed (or all).
    Status,
    /// low, medium, high, urgent.
    Priority,
    /// An agent of the account.
    Agent,
    /// An inbox.
    Inbox,
    /// A team.
    Team,
    /// A label title.
    Label,
    /// A whole number (conversation or campaign id).
    Number,
    /// Free text.
    Text,
    /// A date (`YYYY-MM-DD`), or a number of days for `days_before`.
    Date,
    /// A conversation custom attribute shown as a list of values.
    CustomList,
    /// A conversation custom attribute that is a checkbox.
    CustomCheckbox,
    /// A conversation custom attribute that is a number.
    CustomNumber,
    /// A conversation custom attribute that is a date.
    CustomDate,
    /// Any other conversation custom attribute (text, link…).
    CustomText,
}

/// One attribute the builder offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// `attribute_key` in the payload.
    pub key: String,
    /// Shown in the attribute select.
    pub label: String,
    /// Its kind.
    pub kind: Kind,
    /// The values of a list custom attribute.
    pub values: Vec<String>,
    /// Whether it is a custom attribute (sent with `custom_attribute_type`).
    pub custom: bool,
}

/// The conversation attributes every account has, in the order the builder lists them.
pub const STANDARD: [(&str, &str, Kind); 14] = [
    ("status", "Status", Kind::Status),
    ("assignee_id", "Assignee", Kind::Agent),
    ("inbox_id", "Inbox", Kind::Inbox),
    ("team_id", "Team", Kind::Team),
    ("priority", "Priority", Kind::Priority),
    ("labels", "Labels", Kind::Label),
    ("display_id", "Conversation identifier", Kind::Number),
    ("campaign_id", "Campaign", Kind::Number),
    ("browser_language", "Browser language", Kind::Text),
    ("country_code", "Country", Kind::Text),
    ("referer", "Referer link", Kind::Text),
    ("mail_subject", "Email subject", Kind::Text),
    ("created_at", "Created at", Kind::Date),
    ("last_activity_at", "Last activity", Kind::Date),
];

/// Statuses a condition can name.
pub const STATUS_VALUES: [(&str, &str); 5] = [
    ("open", "Open"),
    ("pending", "Pending"),
    ("resolved", "Resolved"),
    ("snoozed", "Snoozed"),
    ("all", "All"),
];

/// Priorities a condition can name.
pub const PRIORITY_VALUES: [(&str, &str); 4] = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("urgent", "Urgent"),
];

/// The label of a standard attribute (one of [`STANDARD`]) in `locale`.
pub fn attribute_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "status" => td_string!(locale, filters.attributes.status),
        "assignee_id" => td_string!(locale, filters.attributes.assignee_id),
        "inbox_id" => td_string!(locale, filters.attributes.inbox_id),
        "team_id" => td_string!(locale, filters.attributes.team_id),
        "priority" => td_string!(locale, filters.attributes.priority),
        "labels" => td_string!(locale, filters.attributes.labels),
        "display_id" => td_string!(locale, filters.attributes.display_id),
        "campaign_id" => td_string!(locale, filters.attributes.campaign_id),
        "browser_language" => td_string!(locale, filters.attributes.browser_language),
        "country_code" => td_string!(locale, filters.attributes.country_code),
        "referer" => td_string!(locale, filters.attributes.referer),
        "mail_subject" => td_string!(locale, filters.attributes.mail_subject),
        "created_at" => td_string!(locale, filters.attributes.created_at),
        _ => td_string!(locale, filters.attributes.last_activity_at),
    }
}

/// The label of a status value (one of [`STATUS_VALUES`]) in `locale`.
pub fn status_value_label(locale: Locale, value: &str) -> &'static str {
    match value {
        "open" => td_string!(locale, filters.statuses.open),
        "pending" => td_string!(locale, filters.statuses.pending),
        "resolved" => td_string!(locale, filters.statuses.resolved),
        "snoozed" => td_string!(locale, filters.statuses.snoozed),
        _ => td_string!(locale, filters.statuses.all),
    }
}

/// The label of a priority value (one of [`PRIORITY_VALUES`]) in `locale`.
pub fn priority_value_label(locale: Locale, value: &str) -> &'static str {
    match value {
        "low" => td_string!(locale, filters.priorities.low),
        "medium" => td_string!(locale, filters.priorities.medium),
        "high" => td_string!(locale, filters.priorities.high),
        _ => td_string!(locale, filters.priorities.urgent),
    }
}

/// The standard attributes followed by the account's conversation custom attributes
/// (`(key, display name, display type, list values)`), labelled in English.
pub fn catalog(custom: &[(String, String, String, Vec<String>)]) -> Vec<Attribute> {
    catalog_in(Locale::en, custom)
}

/// [`catalog`] with the standard attributes labelled in `locale`.
pub fn catalog_in(
    locale: Locale,
    custom: &[(String, String, String, Vec<String>)],
) -> Vec<Attribute> {
    let attributes = STANDARD
        .iter()
        .map(|&(key, _, kind)| Attribute {
            key: key.to_owned(),
            label: attribute_label(locale, key).to_owned(),
            kind,
            values: Vec::new(),
            custom: false,
        })
        .collect();
    with_custom(attributes, custom)
}

/// Appends the account's custom attributes (`(key, display name, display type, list
/// values)`) to `standard`, skipping any whose key shadows a standard one: the server reads
/// such a key as the standard attribute.
pub fn with_custom(
    mut attributes: Vec<Attribute>,
    custom: &[(String, String, String, Vec<String>)],
) -> Vec<Attribute> {
    for (key, label, display_type, values) in custom {
        if attributes.iter().any(|a| &a.key == key) {
            continue;
        }
        let kind = match display_type.as_str() {
            "list" => Kind::CustomList,
            "checkbox" => Kind::CustomCheckbox,
            "number" | "currency" | "percent" => Kind::CustomNumber,
            "date" => Kind::CustomDate,
            _ => Kind::CustomText,
        };
        attributes.push(Attribute {
            key: key.clone(),
            label: label.clone(),
            kind,
            values: values.clone(),
            custom: true,
        });
    }
    attributes
}

/// The operators that apply to a kind, in the order the builder lists them (the first is
/// the default).
pub fn operators(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Status | Kind::Number => &["equal_to", "not_equal_to"],
        Kind::Priority | Kind::Agent | Kind::Inbox | Kind::Team | Kind::Label => {
            &["equal_to", "not_equal_to", "is_present", "is_not_present"]
        }
        Kind::Text | Kind::CustomText => &[
            "equal_to",
            "not_equal_to",
            "contains",
            "does_not_contain",
            "starts_with",
            "is_present",
            "is_not_present",
        ],
        Kind::Date => &["is_greater_than", "is_less_than", "days_before"],
        Kind::CustomList | Kind::CustomCheckbox => {
            &["equal_to", "not_equal_to", "is_present", "is_not_present"]
        }
        Kind::CustomNumber | Kind::CustomDate => &[
            "equal_to",
            "not_equal_to",
            "is_greater_than",
            "is_less_than",
            "is_present",
            "is_not_present",
        ],
    }
}

/// The label of an operator in `locale` (empty for an unknown one).
pub fn operator_label(locale: Locale, operator: &str) -> &'static str {
    match operator {
        "equal_to" => td_string!(locale, filters.operators.equal_to),
        "not_equal_to" => td_string!(locale, filters.operators.not_equal_to),
        "contains" => td_string!(locale, filters.operators.contains),
        "does_not_contain" => td_string!(locale, filters.operators.does_not_contain),
        "starts_with" => td_string!(locale, filters.operators.starts_with),
        "is_present" => td_string!(locale, filters.operators.is_present),
        "is_not_present" => td_string!(locale, filters.operators.is_not_present),
        "is_greater_than" => td_string!(locale, filters.operators.is_greater_than),
        "is_less_than" => td_string!(locale, filters.operators.is_less_than),
        "days_before" => td_string!(locale, filters.operators.days_before),
        _ => "",
    }
}

/// Whether the operator takes no value.
pub fn needs_no_value(operator: &str) -> bool {
    matches!(operator, "is_present" | "is_not_present")
}

/// How the value is entered for a kind and operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// No value.
    None,
    /// A select of options.
    Select,
    /// A whole number.
    Number,
    /// A date.
    Date,
    /// Free text.
    Text,
}

/// The value control of a kind and operator.
pub fn input(kind: Kind, operator: &str) -> Input {
    if needs_no_value(operator) {
        return Input::None;
    }
    match kind {
        Kind::Status
        | Kind::Priority
        | Kind::Agent
        | Kind::Inbox
        | Kind::Team
        | Kind::Label
        | Kind::CustomList
        | Kind::CustomCheckbox => Input::Select,
        Kind::Number | Kind::CustomNumber => Input::Number,
        Kind::Date if operator == "days_before" => Input::Number,
        Kind::Date | Kind::CustomDate => Input::Date,
        Kind::Text | Kind::CustomText => Input::Text,
    }
}

/// "Condition n: value is not a whole number." in `locale`.
fn not_whole_number(locale: Locale, n: usize, value: &str) -> String {
    fill(
        td_string!(locale, filters.errors.not_whole_number),
        &[("number", &n), ("value", &value)],
    )
}

/// How a condition joins the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Join {
    /// Both must hold.
    #[default]
    And,
    /// Either may hold.
    Or,
}

impl Join {
    /// `and` / `or`, as Chatwoot sends `query_operator`.
    pub fn as_str(self) -> &'static str {
        match self {
            Join::And => "and",
            Join::Or => "or",
        }
    }

    /// From `and`/`or` in any case (anything else is AND).
    pub fn parse(text: &str) -> Join {
        if text.eq_ignore_ascii_case("or") {
            Join::Or
        } else {
            Join::And
        }
    }
}

/// One row of the builder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// `attribute_key`.
    pub attribute: String,
    /// `filter_operator`.
    pub operator: String,
    /// The value as typed or selected (ignored when the operator takes none).
    pub value: String,
    /// How this row joins the next (ignored on the last).
    pub join: Join,
}

impl Row {
    /// A new row on `attribute` with its first operator and no value.
    pub fn on(attribute: &Attribute) -> Row {
        Row {
            attribute: attribute.key.clone(),
            operator: operators(attribute.kind)[0].to_owned(),
            value: String::new(),
            join: Join::And,
        }
    }
}

/// Checks the rows and builds Chatwoot's payload (`[{attribute_key, filter_operator,
/// values, query_operator, custom_attribute_type?}]`) as JSON text, or says what is wrong
/// (1-based row numbers), in English.
pub fn build(rows: &[Row], attributes: &[Attribute]) -> Result<String, String> {
    build_in(Locale::en, rows, attributes)
}

/// [`build`], saying what is wrong in `locale`.
pub fn build_in(locale: Locale, rows: &[Row], attributes: &[Attribute]) -> Result<String, String> {
    if rows.is_empty() {
        return Err(td_string!(locale, filters.errors.no_conditions).into());
    }
    let mut conditions = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let n = i + 1;
        let attribute = attributes
            .iter()
            .find(|a| a.key == row.attribute)
            .ok_or_else(|| {
                fill(
                    td_string!(locale, filters.errors.pick_attribute),
                    &[("number", &n)],
                )
            })?;
        if !operators(attribute.kind).contains(&row.operator.as_str()) {
            return Err(fill(
                td_string!(locale, filters.errors.pick_operator),
                &[("number", &n), ("attribute", &attribute.label)],
            ));
        }
        let value = row.value.trim();
        let values = match input(attribute.kind, &row.operator) {
            Input::None => Vec::new(),
            _ if value.is_empty() => {
                return Err(fill(
                    td_string!(locale, filters.errors.enter_value),
                    &[("number", &n), ("attribute", &attribute.label)],
                ));
            }
            Input::Number => {
                let number: i64 = value
                    .parse()
                    .map_err(|_| not_whole_number(locale, n, value))?;
                if number < 0 {
                    return Err(not_whole_number(locale, n, value));
                }
                vec![Value::String(number.to_string())]
            }
            Input::Date => {
                if !is_date(value) {
                    return Err(fill(
                        td_string!(locale, filters.errors.not_date),
                        &[("number", &n), ("value", &value)],
                    ));
                }
                vec![Value::String(value.to_owned())]
            }
            Input::Select | Input::Text => vec![Value::String(value.to_owned())],
        };
        let mut condition = json!({
            "attribute_key": attribute.key,
            "filter_operator": row.operator,
            "values": values,
            "query_operator": if n < rows.len() { Value::String(row.join.as_str().to_owned()) } else { Value::Null },
        });
        if attribute.custom {
            condition["custom_attribute_type"] = Value::String("conversation_attribute".into());
        }
        conditions.push(condition);
    }
    Ok(Value::Array(conditions).to_string())
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// The builder's rows for a payload (what `?filter=` holds), so the dialog opens on the
/// filter shown. Unreadable text gives no rows.
pub fn rows_from(payload: &str) -> Vec<Row> {
    let Ok(Value::Array(conditions)) = crate::json_text::from_json::<Value>(payload) else {
        return Vec::new();
    };
    conditions
        .iter()
        .filter_map(|c| {
            let text = |key: &str| c.get(key).and_then(Value::as_str).map(str::to_owned);
            let value = match c.get("values").and_then(|v| v.get(0)) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::Bool(b)) => b.to_string(),
                Some(Value::Object(o)) => o
                    .get("id")
                    .map(|id| id.to_string().trim_matches('"').to_owned())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            Some(Row {
                attribute: text("attribute_key")?,
                operator: text("filter_operator").unwrap_or_default(),
                value,
                join: Join::parse(&text("query_operator").unwrap_or_default()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs() -> Vec<Attribute> {
        catalog(&[
            (
                "plan".into(),
                "Plan".into(),
                "list".into(),
                vec!["free".into(), "pro".into()],
            ),
            ("status".into(), "Shadow".into(), "text".into(), vec![]),
        ])
    }

    fn row(attribute: &str, operator: &str, value: &str, join: Join) -> Row {
        Row {
            attribute: attribute.into(),
            operator: operator.into(),
            value: value.into(),
            join,
        }
    }

    #[test]
    fn builds_chatwoots_payload_with_joins_between_rows() {
        let json = build(
            &[
                row("status", "equal_to", "open", Join::Or),
                row("inbox_id", "equal_to", "3", Join::And),
                row("plan", "equal_to", "pro", Join::And),
            ],
            &attrs(),
        )
        .unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            json!([
                { "attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "or" },
                { "attribute_key": "inbox_id", "filter_operator": "equal_to", "values": ["3"], "query_operator": "and" },
                { "attribute_key": "plan", "filter_operator": "equal_to", "values": ["pro"], "query_operator": null, "custom_attribute_type": "conversation_attribute" },
            ])
        );
    }

    #[test]
    fn presence_needs_no_value_and_dates_are_checked() {
        let ok = build(&[row("labels", "is_present", "", Join::And)], &attrs()).unwrap();
        assert!(ok.contains("\"values\":[]"), "{ok}");
        assert!(
            build(
                &[row(
                    "created_at",
                    "is_greater_than",
                    "2026-02-30",
                    Join::And
                )],
                &attrs()
            )
            .is_ok()
        );
        assert!(
            build(
                &[row("created_at", "is_greater_than", "yesterday", Join::And)],
                &attrs()
            )
            .is_err()
        );
        assert!(
            build(
                &[row("created_at", "days_before", "7", Join::And)],
                &attrs()
            )
            .is_ok()
        );
        assert!(
            build(
                &[row("created_at", "days_before", "-1", Join::And)],
                &attrs()
            )
            .is_err()
        );
    }

    #[test]
    fn bad_rows_are_refused_with_their_number() {
        assert_eq!(
            build(&[], &attrs()),
            Err("Add at least one condition.".into())
        );
        let missing = build(
            &[
                row("status", "equal_to", "open", Join::And),
                row("priority", "equal_to", " ", Join::And),
            ],
            &attrs(),
        );
        assert_eq!(
            missing,
            Err("Condition 2: enter a value for Priority.".into())
        );
        let bad_op = build(&[row("status", "contains", "op", Join::And)], &attrs());
        assert!(
            bad_op
                .unwrap_err()
                .starts_with("Condition 1: pick an operator")
        );
        let unknown = build(&[row("password", "equal_to", "x", Join::And)], &attrs());
        assert!(
            unknown
                .unwrap_err()
                .starts_with("Condition 1: pick an attribute")
        );
        let not_number = build(&[row("display_id", "equal_to", "12a", Join::And)], &attrs());
        assert!(not_number.is_err());
    }

    #[test]
    fn operators_and_inputs_follow_the_kind() {
        assert_eq!(operators(Kind::Status), ["equal_to", "not_equal_to"]);
        assert!(operators(Kind::Date).contains(&"days_before"));
        assert!(!operators(Kind::Label).contains(&"contains"));
        assert_eq!(input(Kind::Agent, "equal_to"), Input::Select);
        assert_eq!(input(Kind::Agent, "is_present"), Input::None);
        assert_eq!(input(Kind::Date, "days_before"), Input::Number);
        assert_eq!(input(Kind::Date, "is_less_than"), Input::Date);
        assert_eq!(input(Kind::Text, "contains"), Input::Text);
        assert_eq!(
            operator_label(Locale::en, "days_before"),
            "Is x days before"
        );
        assert_eq!(
            operator_label(Locale::fr, "days_before"),
            "Est x jours avant"
        );
        // The custom attribute named like a standard one is not offered twice.
        let all = attrs();
        assert_eq!(all.iter().filter(|a| a.key == "status").count(), 1);
        assert_eq!(all.last().unwrap().kind, Kind::CustomList);
    }

    #[test]
    fn payloads_read_back_into_rows() {
        let rows = vec![
            row("status", "equal_to", "resolved", Join::Or),
            row("assignee_id", "equal_to", "7", Join::And),
        ];
        let json = build(&rows, &attrs()).unwrap();
        assert_eq!(rows_from(&json), rows);
        let chatwoot = r#"[{"attribute_key":"team_id","filter_operator":"equal_to","values":[{"id":4,"name":"Billing"}],"query_operator":"AND"}]"#;
        assert_eq!(
            rows_from(chatwoot),
            vec![row("team_id", "equal_to", "4", Join::And)]
        );
        assert!(rows_from("not json").is_empty());
        assert!(rows_from("{\"payload\":[]}").is_empty());
    }
}
