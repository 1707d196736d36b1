//! Contact input rules: normalising and validating fields, merging attributes, and the
//! uniqueness of email, phone and identifier within an account.

use serde_json::{Map, Value};

use crate::db::Conn;
use crate::error::Validation;
use crate::services::validate;
use crate::store::contacts::{self, ContactFields, Lookup};
use crate::wire::contact::ContactParams;
use crate::{Error, Result};

/// Largest attributes object accepted, serialised (Chatwoot validates jsonb sizes too).
const MAX_ATTRIBUTES_BYTES: usize = 16 * 1024;

/// `+` then 2 to 15 digits, no leading zero (E.164).
pub fn valid_phone(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else {
        return false;
    };
    (2..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
}

/// Adds every key of `patch` into `base` (recursively for objects); patch values win.
pub fn deep_merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                match base.get_mut(key) {
                    Some(existing) if existing.is_object() && value.is_object() => {
                        deep_merge(existing, value)
                    }
                    _ => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, patch) => *base = patch.clone(),
    }
}

fn attributes(value: Option<&Value>, field: &str, errors: &mut Validation) -> Option<Value> {
    let value = value?;
    if !value.is_object() {
        errors.push(field, format!("{} must be an object", humanize(field)));
        return None;
    }
    if value.to_string().len() > MAX_ATTRIBUTES_BYTES {
        errors.push(field, format!("{} is too long", humanize(field)));
        return None;
    }
    Some(value.clone())
}

fn humanize(field: &str) -> String {
    let text = field.replace('_', " ");
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// The fields to store from `params` over `current` (`None` when creating), validated, with
/// uniqueness checked against the account's other contacts.
pub async fn checked(
    mut conn: Conn<'_>,
    account_id: i64,
    params: &ContactParams,
    current: Option<&contacts::Contact>,
) -> Result<ContactFields> {
    let mut errors = Validation::default();
    let name = params
        .name
        .clone()
        .map(|n| n.trim().to_owned())
        .or_else(|| current.and_then(|c| c.name.clone()))
        .unwrap_or_default();
    if name.chars().count() > 255 {
        errors.push("name", "Name is too long (maximum is 255 characters)");
    }
    let email = match &params.email {
        Some(raw) if raw.trim().is_empty() => None,
        Some(raw) => Some(validate::email(raw, &mut errors)),
        None => current.and_then(|c| c.email.clone()),
    };
    let phone_number = match &params.phone_number {
        Some(raw) if raw.trim().is_empty() => None,
        Some(raw) => {
            let phone: String = raw
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            if !valid_phone(&phone) {
                errors.push("phone_number", "Phone number should be in e164 format");
            }
            Some(phone)
        }
        None => current.and_then(|c| c.phone_number.clone()),
    };
    let identifier = match &params.identifier {
        Some(raw) if raw.trim().is_empty() => None,
        Some(raw) => Some(raw.trim().to_owned()),
        None => current.and_then(|c| c.identifier.clone()),
    };
    let mut additional = current
        .map(|c| c.additional_attributes.0.clone())
        .unwrap_or_else(|| Value::Object(Map::new()));
    if let Some(patch) = attributes(
        params.additional_attributes.as_ref(),
        "additional_attributes",
        &mut errors,
    ) {
        deep_merge(&mut additional, &patch);
    }
    let mut custom = current
        .map(|c| c.custom_attributes.0.clone())
        .unwrap_or_else(|| Value::Object(Map::new()));
    if let Some(patch) = attributes(
        params.custom_attributes.as_ref(),
        "custom_attributes",
        &mut errors,
    ) {
        deep_merge(&mut custom, &patch);
    }
    let except = current.map(|c| c.id);
    for (lookup, value, field, label) in [
        (Lookup::Email, &email, "email", "Email"),
        (Lookup::Phone, &phone_number, "phone_number", "Phone number"),
        (Lookup::Identifier, &identifier, "identifier", "Identifier"),
    ] {
        if let Some(value) = value
            && !errors.attributes().iter().any(|a| a == field)
            && contacts::taken(conn.reborrow(), account_id, lookup, value, except).await?
        {
            errors.push(field, format!("{label} has already been taken"));
        }
    }
    errors.finish()?;
    // A visitor becomes a lead once there is a way to reach them; never downgraded.
    let reachable = email.is_some() || phone_number.is_some();
    let contact_type = current
        .map(|c| c.contact_type)
        .unwrap_or(0)
        .max(if reachable { 1 } else { 0 });
    Ok(ContactFields {
        name,
        email,
        phone_number,
        identifier,
        additional_attributes: additional,
        custom_attributes: custom,
        contact_type,
        blocked: params
            .blocked
            .or(current.map(|c| c.blocked))
            .unwrap_or(false),
    })
}

/// Maps a unique-index failure on insert/update to the validation Chatwoot reports.
pub fn unique_violation(err: Error) -> Error {
    if err.is_unique_violation() {
        Error::invalid("email", "Email has already been taken")
    } else {
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn phones_must_be_e164() {
        assert!(valid_phone("+14155552671"));
        assert!(valid_phone("+49301234567"));
        for bad in [
            "14155552671",
            "+0123",
            "+1",
            "+1234567890123456",
            "+1 415 555",
            "+1a",
        ] {
            assert!(!valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn attributes_merge_deeply_with_the_patch_winning() {
        let mut base = json!({ "plan": "free", "social": { "twitter": "@a", "github": "a" } });
        deep_merge(
            &mut base,
            &json!({ "plan": "pro", "social": { "twitter": "@b" }, "seats": 3 }),
        );
        assert_eq!(
            base,
            json!({ "plan": "pro", "social": { "twitter": "@b", "github": "a" }, "seats": 3 })
        );
    }
}
