//! Custom attribute definitions: everyone in the account reads them, administrators manage
//! them. Values live in the records' `custom_attributes` and are never checked against the
//! definitions (domain.md §13).

use chrono::SecondsFormat;

use crate::domain::{AttributeDisplayType, AttributeModel, StoredEnum};
use crate::error::Validation;
use crate::events::Event;
use crate::store::custom_attribute_definitions::{self as definitions, DefinitionFields};
use crate::wire::custom_attribute::{
    CustomAttributeDefinition, CustomAttributeDefinitionParams, NameOrNumber,
};
use crate::{Error, Result, Services};

use super::access::Scope;

/// Keys of the conversation's own fields, which a custom attribute may not shadow.
pub const STANDARD_CONVERSATION_KEYS: &[&str] = &[
    "status",
    "priority",
    "assignee_id",
    "inbox_id",
    "team_id",
    "display_id",
    "campaign_id",
    "labels",
    "browser_language",
    "country_code",
    "referer",
    "created_at",
    "last_activity_at",
];

/// Keys of the contact's own fields, which a custom attribute may not shadow.
pub const STANDARD_CONTACT_KEYS: &[&str] = &[
    "name",
    "email",
    "phone_number",
    "identifier",
    "country_code",
    "city",
    "created_at",
    "last_activity_at",
    "referer",
    "blocked",
];

fn to_wire(row: definitions::Definition) -> CustomAttributeDefinition {
    CustomAttributeDefinition {
        id: row.id,
        attribute_display_name: row.attribute_display_name,
        attribute_display_type: row.attribute_display_type,
        attribute_description: row.attribute_description,
        attribute_key: row.attribute_key,
        regex_pattern: row.regex_pattern,
        regex_cue: row.regex_cue,
        attribute_values: row.attribute_values.0,
        attribute_model: row.attribute_model,
        default_value: row.default_value,
        created_at: row.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        updated_at: row.updated_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    }
}

/// The account's definitions, of one model when `attribute_model` names one
/// (`conversation_attribute`, `contact_attribute`, `0` or `1`). A model that does not exist
/// has no definitions.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    attribute_model: Option<&str>,
) -> Result<Vec<CustomAttributeDefinition>> {
    let model = match attribute_model.map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(raw) => match enum_value::<AttributeModel>(&NameOrNumber::Name(raw.to_owned())) {
            Some(model) => Some(model),
            None => return Ok(Vec::new()),
        },
    };
    let rows = definitions::list(svc.db.read().await?.conn(), scope.account_id, model).await?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// One definition.
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<CustomAttributeDefinition> {
    let row = definitions::find(svc.db.read().await?.conn(), scope.account_id, id).await?;
    row.map(to_wire).ok_or(Error::NotFound)
}

/// Creates a definition (administrators).
pub async fn create(
    svc: &Services,
    scope: &Scope,
    params: &CustomAttributeDefinitionParams,
) -> Result<CustomAttributeDefinition> {
    scope.require_admin()?;
    let fields = checked_fields(params, None)?;
    let mut tx = svc.db.begin().await?;
    if definitions::key_taken(
        tx.conn(),
        scope.account_id,
        fields.attribute_model,
        &fields.attribute_key,
        None,
    )
    .await?
    {
        return Err(key_taken());
    }
    let row = match definitions::insert(tx.conn(), scope.account_id, &fields).await {
        // The same key was defined in between.
        Err(e) if e.is_unique_violation() => return Err(key_taken()),
        other => other?,
    };
    tx.commit().await?;
    let definition = to_wire(row);
    publish(
        svc,
        scope,
        "custom_attribute_definition.created",
        &definition,
    );
    Ok(definition)
}

/// Changes a definition (administrators); absent fields keep their value.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    id: i64,
    params: &CustomAttributeDefinitionParams,
) -> Result<CustomAttributeDefinition> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = definitions::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = checked_fields(params, Some(&current))?;
    if definitions::key_taken(
        tx.conn(),
        scope.account_id,
        fields.attribute_model,
        &fields.attribute_key,
        Some(id),
    )
    .await?
    {
        return Err(key_taken());
    }
    let row = match definitions::update(tx.conn(), scope.account_id, id, &fields).await {
        Err(e) if e.is_unique_violation() => return Err(key_taken()),
        other => other?.ok_or(Error::NotFound)?,
    };
    tx.commit().await?;
    let definition = to_wire(row);
    publish(
        svc,
        scope,
        "custom_attribute_definition.updated",
        &definition,
    );
    Ok(definition)
}

/// Deletes a definition (administrators). Values already stored on records stay.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    if !definitions::delete(tx.conn(), scope.account_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "custom_attribute_definition.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

fn key_taken() -> Error {
    Error::invalid("attribute_key", "Attribute key has already been taken")
}

fn publish(
    svc: &Services,
    scope: &Scope,
    name: &'static str,
    definition: &CustomAttributeDefinition,
) {
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: serde_json::to_value(definition).unwrap_or_default(),
    });
}

/// An enum given by name, by stored number, or by stored number as text.
fn enum_value<T: StoredEnum>(raw: &NameOrNumber) -> Option<T> {
    match raw {
        NameOrNumber::Number(n) => i16::try_from(*n).ok().and_then(T::from_i16),
        NameOrNumber::Name(name) => {
            let name = name.trim();
            T::parse(name).or_else(|| name.parse::<i16>().ok().and_then(T::from_i16))
        }
    }
}

/// Chatwoot's key format: Unicode letters and digits, `_`, `.` and `-`.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn is_standard_key(model: AttributeModel, key: &str) -> bool {
    match model {
        AttributeModel::Conversation => STANDARD_CONVERSATION_KEYS.contains(&key),
        AttributeModel::Contact => STANDARD_CONTACT_KEYS.contains(&key),
    }
}

fn checked_fields(
    params: &CustomAttributeDefinitionParams,
    current: Option<&definitions::Definition>,
) -> Result<DefinitionFields> {
    let mut errors = Validation::default();
    let text = |given: &Option<String>, kept: Option<&String>| match given {
        Some(value) => value.trim().to_owned(),
        None => kept.cloned().unwrap_or_default(),
    };
    let attribute_display_name = text(
        &params.attribute_display_name,
        current.map(|c| &c.attribute_display_name),
    );
    if attribute_display_name.is_empty() {
        errors.push(
            "attribute_display_name",
            "Attribute display name can't be blank",
        );
    }
    let attribute_display_type = match &params.attribute_display_type {
        Some(raw) => enum_value(raw).unwrap_or_else(|| {
            errors.push(
                "attribute_display_type",
                "Attribute display type is not included in the list",
            );
            AttributeDisplayType::Text
        }),
        None => current.map_or(AttributeDisplayType::Text, |c| c.attribute_display_type),
    };
    let attribute_model = match &params.attribute_model {
        Some(raw) => enum_value(raw).unwrap_or_else(|| {
            errors.push(
                "attribute_model",
                "Attribute model is not included in the list",
            );
            AttributeModel::Conversation
        }),
        None => current.map_or(AttributeModel::Conversation, |c| c.attribute_model),
    };
    let attribute_key = text(&params.attribute_key, current.map(|c| &c.attribute_key));
    if attribute_key.is_empty() {
        errors.push("attribute_key", "Attribute key can't be blank");
    } else if !valid_key(&attribute_key) {
        errors.push(
            "attribute_key",
            "Attribute key may only contain letters, numbers, underscores, periods and hyphens",
        );
    } else if is_standard_key(attribute_model, &attribute_key) {
        errors.push(
            "attribute_key",
            "Attribute key is reserved for a standard attribute",
        );
    }
    errors.finish()?;
    let optional = |given: &Option<String>, kept: Option<&Option<String>>| match given {
        Some(value) if value.trim().is_empty() => None,
        Some(value) => Some(value.clone()),
        None => kept.cloned().flatten(),
    };
    Ok(DefinitionFields {
        attribute_display_name,
        attribute_key,
        attribute_display_type,
        attribute_model,
        attribute_description: optional(
            &params.attribute_description,
            current.map(|c| &c.attribute_description),
        ),
        attribute_values: match (&params.attribute_values, current) {
            (Some(values), _) => serde_json::Value::from(values.clone()),
            (None, Some(current)) => current.attribute_values.0.clone(),
            (None, None) => serde_json::Value::Array(Vec::new()),
        },
        regex_pattern: optional(&params.regex_pattern, current.map(|c| &c.regex_pattern)),
        regex_cue: optional(&params.regex_cue, current.map(|c| &c.regex_cue)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_chatwoots_format() {
        for ok in ["order_id", "plan.tier", "vip-level", "größe", "2fa"] {
            assert!(valid_key(ok), "{ok}");
        }
        for bad in ["", "has space", "emoji🙂", "a/b"] {
            assert!(!valid_key(bad), "{bad}");
        }
    }

    #[test]
    fn enums_come_by_name_or_number() {
        let by_name = NameOrNumber::Name("contact_attribute".into());
        let by_text = NameOrNumber::Name("1".into());
        assert_eq!(
            enum_value::<AttributeModel>(&by_name),
            Some(AttributeModel::Contact)
        );
        assert_eq!(
            enum_value::<AttributeModel>(&by_text),
            Some(AttributeModel::Contact)
        );
        assert_eq!(
            enum_value::<AttributeDisplayType>(&NameOrNumber::Number(6)),
            Some(AttributeDisplayType::List)
        );
        assert_eq!(
            enum_value::<AttributeDisplayType>(&NameOrNumber::Number(99)),
            None
        );
    }
}
