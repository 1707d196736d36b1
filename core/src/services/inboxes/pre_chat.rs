//! The pre-chat form as administrators configure it (seed "How to use pre-chat forms"):
//! the standard fields (email, full name, phone) and one field per custom attribute, each
//! enabled or not, required or not, with its label and placeholder. Builds the widget's
//! `pre_chat_form_options` JSON from those choices and the account's attribute definitions.

use serde_json::{Value, json};

use crate::Result;
use crate::domain::StoredEnum as _;
use crate::error::Validation;
use crate::wire::custom_attribute::CustomAttributeDefinition;

/// The standard fields: wire name, HTML type, default label.
pub const STANDARD_FIELDS: [(&str, &str, &str); 3] = [
    ("emailAddress", "email", "Email Id"),
    ("fullName", "text", "Full name"),
    ("phoneNumber", "text", "Phone number"),
];

/// One row of the pre-chat settings form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldChoice {
    /// `standard`, `contact_attribute` or `conversation_attribute`.
    pub field_type: String,
    /// The standard field's name, or the attribute key.
    pub name: String,
    /// Shown in the widget.
    pub enabled: bool,
    /// The visitor must fill it.
    pub required: bool,
    /// The label the visitor sees.
    pub label: String,
    /// The placeholder text.
    pub placeholder: String,
}

/// `pre_chat_form_options` from the message and the chosen fields, in the order given.
/// Attribute fields take their type, list values and regex from `definitions`.
pub fn options(
    message: &str,
    choices: &[FieldChoice],
    definitions: &[CustomAttributeDefinition],
) -> Result<Value> {
    let mut errors = Validation::default();
    let mut fields = Vec::with_capacity(choices.len());
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for choice in choices {
        let key = (choice.field_type.as_str(), choice.name.as_str());
        if seen.contains(&key) {
            errors.push(
                "pre_chat_fields",
                format!("{} is listed twice", choice.name),
            );
            continue;
        }
        seen.push(key);
        let label = choice.label.trim();
        if choice.enabled && label.is_empty() {
            errors.push(
                "pre_chat_fields",
                format!("The label of {} can't be blank", choice.name),
            );
        }
        let mut field = json!({
            "field_type": choice.field_type,
            "name": choice.name,
            "label": label,
            "placeholder": choice.placeholder.trim(),
            "required": choice.required,
            "enabled": choice.enabled,
        });
        if choice.field_type == "standard" {
            match STANDARD_FIELDS.iter().find(|(n, _, _)| *n == choice.name) {
                Some((_, kind, _)) => field["type"] = json!(kind),
                None => errors.push(
                    "pre_chat_fields",
                    format!("{} is not a pre-chat field", choice.name),
                ),
            }
        } else {
            let definition = definitions.iter().find(|d| {
                d.attribute_key == choice.name && d.attribute_model.as_str() == choice.field_type
            });
            match definition {
                Some(d) => {
                    field["type"] = json!(d.attribute_display_type.as_str());
                    field["values"] = d.attribute_values.clone();
                    field["regex_pattern"] = json!(d.regex_pattern);
                    field["regex_cue"] = json!(d.regex_cue);
                }
                None => errors.push(
                    "pre_chat_fields",
                    format!("{} is not a custom attribute", choice.name),
                ),
            }
        }
        fields.push(field);
    }
    if message.chars().count() > 10_000 {
        errors.push(
            "pre_chat_message",
            "Pre chat message is too long (maximum is 10000 characters)",
        );
    }
    errors.finish()?;
    Ok(json!({ "pre_chat_message": message.trim(), "pre_chat_fields": fields }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AttributeDisplayType, AttributeModel};

    fn definition(key: &str, model: AttributeModel) -> CustomAttributeDefinition {
        CustomAttributeDefinition {
            id: 1,
            attribute_display_name: "Plan".into(),
            attribute_display_type: AttributeDisplayType::List,
            attribute_description: None,
            attribute_key: key.into(),
            regex_pattern: None,
            regex_cue: None,
            attribute_values: json!(["free", "pro"]),
            attribute_model: model,
            default_value: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn choice(field_type: &str, name: &str, label: &str) -> FieldChoice {
        FieldChoice {
            field_type: field_type.into(),
            name: name.into(),
            enabled: true,
            required: true,
            label: label.into(),
            placeholder: String::new(),
        }
    }

    #[test]
    fn standard_and_attribute_fields_keep_their_order_and_types() {
        let defs = [definition("plan", AttributeModel::Contact)];
        let out = options(
            " Hi ",
            &[
                choice("contact_attribute", "plan", "Your plan"),
                choice("standard", "emailAddress", "Email"),
            ],
            &defs,
        )
        .unwrap();
        assert_eq!(out["pre_chat_message"], "Hi");
        assert_eq!(out["pre_chat_fields"][0]["type"], "list");
        assert_eq!(out["pre_chat_fields"][0]["values"], json!(["free", "pro"]));
        assert_eq!(out["pre_chat_fields"][1]["type"], "email");
        assert_eq!(out["pre_chat_fields"][1]["required"], true);
    }

    #[test]
    fn unknown_fields_blank_labels_and_duplicates_are_refused() {
        let defs = [definition("plan", AttributeModel::Contact)];
        for bad in [
            vec![choice("standard", "password", "x")],
            vec![choice("conversation_attribute", "plan", "x")],
            vec![choice("standard", "fullName", " ")],
            vec![
                choice("standard", "fullName", "a"),
                choice("standard", "fullName", "b"),
            ],
        ] {
            assert!(options("", &bad, &defs).is_err(), "{bad:?}");
        }
        let mut hidden = choice("standard", "fullName", "");
        hidden.enabled = false;
        assert!(options("", &[hidden], &defs).is_ok());
    }
}
