//! Which attributes a contact filter offers (those `onechat_core::services::filters` accepts
//! for contacts, plus the account's contact attributes), built on the conversation
//! builder's kinds, operators and payload rules.

use serde_json::Value;

use crate::conversations::filters::payload::{self, Attribute, Kind, Row};
use crate::i18n::{Locale, td_string};

/// The contact attributes every account has, in the order the builder lists them.
pub const STANDARD: [(&str, &str, Kind); 11] = [
    ("name", "Name", Kind::Text),
    ("email", "Email", Kind::Text),
    ("phone_number", "Phone number", Kind::Text),
    ("identifier", "Identifier", Kind::Text),
    ("city", "City", Kind::Text),
    ("country_code", "Country", Kind::Text),
    ("company", "Company", Kind::Text),
    ("labels", "Labels", Kind::Label),
    ("created_at", "Created at", Kind::Date),
    ("last_activity_at", "Last activity", Kind::Date),
    // A yes/no select, like a checkbox attribute (but not a custom one).
    ("blocked", "Blocked", Kind::CustomCheckbox),
];

/// The label of a standard attribute (one of [`STANDARD`]) in `locale`.
pub fn attribute_label(locale: Locale, key: &str) -> &'static str {
    match key {
        "name" => td_string!(locale, contacts.filter.attributes.name),
        "email" => td_string!(locale, contacts.filter.attributes.email),
        "phone_number" => td_string!(locale, contacts.filter.attributes.phone_number),
        "identifier" => td_string!(locale, contacts.filter.attributes.identifier),
        "city" => td_string!(locale, contacts.filter.attributes.city),
        "country_code" => td_string!(locale, contacts.filter.attributes.country_code),
        "company" => td_string!(locale, contacts.filter.attributes.company),
        "labels" => td_string!(locale, contacts.filter.attributes.labels),
        "created_at" => td_string!(locale, contacts.filter.attributes.created_at),
        "last_activity_at" => td_string!(locale, contacts.filter.attributes.last_activity_at),
        _ => td_string!(locale, contacts.filter.attributes.blocked),
    }
}

/// The dashboard's language where a context provides it (the dialog), else English.
fn current_locale() -> Locale {
    leptos::prelude::use_context::<leptos_i18n::I18nContext<Locale>>()
        .map_or_else(Locale::default, |i18n| i18n.get_locale_untracked())
}

/// The standard attributes (in the dashboard's language) followed by the account's contact
/// attributes (`(key, display name, display type, list values)`).
pub fn catalog(custom: &[(String, String, String, Vec<String>)]) -> Vec<Attribute> {
    catalog_in(current_locale(), custom)
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
    payload::with_custom(attributes, custom)
}

/// Checks the rows and builds Chatwoot's contact filter payload as JSON text (custom
/// attributes are marked `contact_attribute`), or says what is wrong.
pub fn build(rows: &[Row], attributes: &[Attribute]) -> Result<String, String> {
    let built = payload::build(rows, attributes)?;
    let Ok(Value::Array(mut conditions)) = crate::json_text::from_json::<Value>(&built) else {
        return Ok(built);
    };
    for condition in &mut conditions {
        if condition.get("custom_attribute_type").is_some() {
            condition["custom_attribute_type"] = Value::String("contact_attribute".into());
        }
    }
    Ok(Value::Array(conditions).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversations::filters::payload::Join;

    fn row(attribute: &str, operator: &str, value: &str, join: Join) -> Row {
        Row {
            attribute: attribute.into(),
            operator: operator.into(),
            value: value.into(),
            join,
        }
    }

    #[test]
    fn contact_payloads_mark_custom_attributes_as_contact_ones() {
        let attrs = catalog(&[
            (
                "tier".into(),
                "Tier".into(),
                "list".into(),
                vec!["gold".into()],
            ),
            ("name".into(), "Shadow".into(), "text".into(), vec![]),
        ]);
        assert_eq!(attrs.iter().filter(|a| a.key == "name").count(), 1);
        let json = build(
            &[
                row("name", "contains", "ada", Join::And),
                row("tier", "equal_to", "gold", Join::Or),
                row("blocked", "equal_to", "true", Join::And),
            ],
            &attrs,
        )
        .unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value[0]["attribute_key"], "name");
        assert_eq!(value[0]["query_operator"], "and");
        assert_eq!(value[1]["custom_attribute_type"], "contact_attribute");
        assert!(value[2].get("custom_attribute_type").is_none());
        assert!(build(&[row("status", "equal_to", "open", Join::And)], &attrs).is_err());
    }
}
