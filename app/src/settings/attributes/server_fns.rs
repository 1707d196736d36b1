//! Server functions of the custom attributes page:
//! `onechat_core::services::custom_attribute_definitions`, for administrators. A list's
//! values are typed one per line (or comma-separated).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// The types the form offers, by wire name and label.
pub const TYPES: &[(&str, &str)] = &[
    ("text", "Text"),
    ("number", "Number"),
    ("link", "Link"),
    ("date", "Date"),
    ("list", "List"),
    ("checkbox", "Checkbox"),
];

/// A definition as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeItem {
    /// Definition id.
    pub id: i64,
    /// Shown name.
    pub display_name: String,
    /// Key in `custom_attributes`.
    pub key: String,
    /// Description, empty when none.
    pub description: String,
    /// `text`, `number`, `link`, `date`, `list`, `checkbox` (or `currency`, `percent`).
    pub display_type: String,
    /// A list's choices.
    pub values: Vec<String>,
}

/// The definitions of one model (`contact` or `conversation`), by name (administrators).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_attribute_definitions(
    account_id: i64,
    model: String,
) -> Result<Vec<AttributeItem>, DashboardError> {
    use onechat_core::domain::StoredEnum;
    use onechat_core::services::custom_attribute_definitions as definitions;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let mut items: Vec<AttributeItem> =
        definitions::list(&ctx.services, &scope, Some(&model_name(&model)?))
            .await?
            .into_iter()
            .map(|d| AttributeItem {
                id: d.id,
                display_name: d.attribute_display_name,
                key: d.attribute_key,
                description: d.attribute_description.unwrap_or_default(),
                display_type: d.attribute_display_type.as_str().to_owned(),
                values: d
                    .attribute_values
                    .as_array()
                    .map(|values| {
                        values
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
    items.sort_by_key(|d| d.display_name.to_lowercase());
    Ok(items)
}

/// Defines a custom attribute; a blank key is made from the display name.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_attribute_definition(
    account_id: i64,
    model: String,
    attribute_display_name: String,
    attribute_key: String,
    attribute_description: String,
    attribute_display_type: String,
    attribute_values: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::custom_attribute_definitions as definitions;
    use onechat_core::wire::custom_attribute::{CustomAttributeDefinitionParams, NameOrNumber};

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let key = match attribute_key.trim() {
        "" => key_from(&attribute_display_name),
        key => key.to_owned(),
    };
    let values = checked_values(&attribute_display_type, attribute_values)
        .map_err(|m| crate::settings::scope::bad_input("attribute_values", m))?;
    let params = CustomAttributeDefinitionParams {
        attribute_display_name: Some(attribute_display_name),
        attribute_description: Some(attribute_description),
        attribute_display_type: Some(NameOrNumber::Name(attribute_display_type)),
        attribute_key: Some(key),
        attribute_model: Some(NameOrNumber::Name(model_name(&model)?)),
        attribute_values: Some(values),
        ..Default::default()
    };
    definitions::create(&ctx.services, &scope, &params).await?;
    Ok(())
}

/// Changes a definition's name, description and (for a list) values; the key, type and
/// model stay, as in Chatwoot.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_attribute_definition(
    account_id: i64,
    definition_id: i64,
    attribute_display_name: String,
    attribute_description: String,
    attribute_values: Option<String>,
) -> Result<(), DashboardError> {
    use onechat_core::domain::StoredEnum;
    use onechat_core::services::custom_attribute_definitions as definitions;
    use onechat_core::wire::custom_attribute::CustomAttributeDefinitionParams;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    let current = definitions::show(&ctx.services, &scope, definition_id).await?;
    let kind = current.attribute_display_type.as_str();
    // A list keeps needing values: an emptied field may arrive as no field at all.
    let values = match attribute_values {
        None if kind != "list" => None,
        raw => Some(
            checked_values(kind, Some(raw.unwrap_or_default()))
                .map_err(|m| crate::settings::scope::bad_input("attribute_values", m))?,
        ),
    };
    let params = CustomAttributeDefinitionParams {
        attribute_display_name: Some(attribute_display_name),
        attribute_description: Some(attribute_description),
        attribute_values: values,
        ..Default::default()
    };
    definitions::update(&ctx.services, &scope, definition_id, &params).await?;
    Ok(())
}

/// Deletes a definition (values stored on records stay).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_attribute_definition(
    account_id: i64,
    definition_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::custom_attribute_definitions as definitions;

    let (ctx, scope) = crate::settings::scope::member(account_id).await?;
    definitions::delete(&ctx.services, &scope, definition_id).await?;
    Ok(())
}

/// The core model name of a tab.
#[cfg(feature = "ssr")]
fn model_name(tab: &str) -> Result<String, DashboardError> {
    match tab {
        "contact" => Ok("contact_attribute".into()),
        "conversation" => Ok("conversation_attribute".into()),
        _ => Err(crate::settings::scope::bad_input(
            "attribute_model",
            "Attribute model is not included in the list",
        )),
    }
}

/// A list's values, one per line or comma-separated, blank ones and repeats dropped; a list
/// needs at least one (the dashboard has nothing to offer otherwise).
#[cfg(any(feature = "ssr", test))]
fn checked_values(display_type: &str, raw: Option<String>) -> Result<Vec<String>, &'static str> {
    let mut values: Vec<String> = Vec::new();
    for value in raw.unwrap_or_default().split(['\n', ',']).map(str::trim) {
        if !value.is_empty() && !values.iter().any(|v| v == value) {
            values.push(value.to_owned());
        }
    }
    if display_type == "list" && values.is_empty() {
        return Err("List values can't be blank");
    }
    if display_type != "list" {
        values.clear();
    }
    Ok(values)
}

/// Chatwoot's key suggestion: the display name in lower case, spaces as `_`, other
/// characters the key may not hold dropped.
#[cfg(any(feature = "ssr", test))]
fn key_from(display_name: &str) -> String {
    display_name
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('_'),
            c if c.is_alphanumeric() || matches!(c, '_' | '.' | '-') => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{checked_values, key_from};

    #[test]
    fn keys_come_from_display_names() {
        assert_eq!(key_from(" Order ID "), "order_id");
        assert_eq!(key_from("Plan (tier)!"), "plan_tier");
    }

    #[test]
    fn list_values_are_split_trimmed_and_required() {
        assert_eq!(
            checked_values("list", Some("free, pro\nteam\n\npro".into())),
            Ok(vec!["free".into(), "pro".into(), "team".into()])
        );
        assert!(checked_values("list", Some(" , ".into())).is_err());
        assert_eq!(checked_values("text", Some("a".into())), Ok(vec![]));
    }
}
