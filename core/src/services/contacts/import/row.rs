//! One CSV row as contact fields (domain.md §9.3): `name`, `email`, `phone_number` and
//! `identifier` are the contact's own fields; `company`, `city` and `country` go into the
//! additional attributes (where search, sort and filters read them); every other column
//! becomes a custom attribute. Blank cells change nothing.

use serde_json::{Map, Value};

use crate::error::Validation;
use crate::services::validate;
use crate::wire::contact::ContactParams;

use super::super::fields::valid_phone;
use super::table::ERRORS_COLUMN;

/// The fields a row brings, checked on their own (uniqueness needs the database).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidate {
    /// Non-blank name.
    pub name: Option<String>,
    /// Lower-case email.
    pub email: Option<String>,
    /// `+` and digits.
    pub phone_number: Option<String>,
    /// External id.
    pub identifier: Option<String>,
    /// company_name, city, country.
    pub additional: Map<String, Value>,
    /// Every other column.
    pub custom: Map<String, Value>,
}

impl Candidate {
    /// The row's values that must be unique within the file and the account, with how the
    /// reason names them.
    pub fn keys(&self) -> Vec<(&'static str, String)> {
        let mut keys = Vec::new();
        if let Some(identifier) = &self.identifier {
            keys.push(("identifier", format!("identifier:{identifier}")));
        }
        if let Some(email) = &self.email {
            keys.push(("email", format!("email:{email}")));
        }
        if let Some(phone) = &self.phone_number {
            keys.push(("phone number", format!("phone:{phone}")));
        }
        keys
    }

    /// The contact parameters: blanks are `None`, so an update keeps what is stored.
    pub fn params(&self) -> ContactParams {
        ContactParams {
            name: self.name.clone(),
            email: self.email.clone(),
            phone_number: self.phone_number.clone(),
            identifier: self.identifier.clone(),
            additional_attributes: (!self.additional.is_empty())
                .then(|| Value::Object(self.additional.clone())),
            custom_attributes: (!self.custom.is_empty())
                .then(|| Value::Object(self.custom.clone())),
            ..ContactParams::default()
        }
    }
}

/// A phone number as stored: separators dropped and a `+` added when missing (Chatwoot's
/// import does the same), so `1 (415) 555-0101` becomes `+14155550101`.
pub fn normalise_phone(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '.'))
        .collect();
    if kept.starts_with('+') {
        kept
    } else {
        format!("+{kept}")
    }
}

/// The row's contact fields, or every reason it cannot be one (joined with ", ").
pub fn candidate(headers: &[String], values: &[String]) -> Result<Candidate, String> {
    let mut out = Candidate::default();
    let mut errors = Validation::default();
    for (header, value) in headers.iter().zip(values) {
        let value = value.trim();
        if value.is_empty() || header == ERRORS_COLUMN {
            continue;
        }
        match header.as_str() {
            "name" => out.name = Some(value.to_owned()),
            "email" => out.email = Some(validate::email(value, &mut errors)),
            "phone_number" => {
                let phone = normalise_phone(value);
                if !valid_phone(&phone) {
                    errors.push("phone_number", "Phone number should be in e164 format");
                }
                out.phone_number = Some(phone);
            }
            "identifier" => out.identifier = Some(value.to_owned()),
            "company" => {
                out.additional
                    .insert("company_name".into(), Value::String(value.to_owned()));
            }
            "city" | "country" => {
                out.additional
                    .insert(header.clone(), Value::String(value.to_owned()));
            }
            _ => {
                out.custom
                    .insert(header.clone(), Value::String(value.to_owned()));
            }
        }
    }
    if out.name.as_ref().is_some_and(|n| n.chars().count() > 255) {
        errors.push("name", "Name is too long (maximum is 255 characters)");
    }
    if out
        .identifier
        .as_ref()
        .is_some_and(|i| i.chars().count() > 255)
    {
        errors.push(
            "identifier",
            "Identifier is too long (maximum is 255 characters)",
        );
    }
    if out.email.is_none() && out.phone_number.is_none() && out.identifier.is_none() {
        errors.push("email", "The row has no email, phone number or identifier");
    }
    errors.finish().map_err(|e| match e {
        crate::Error::Invalid(v) => v.message(),
        other => other.to_string(),
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    fn values(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn columns_map_to_fields_and_attributes() {
        let h = headers(&[
            "name",
            "email",
            "phone_number",
            "identifier",
            "company",
            "city",
            "plan",
            "errors",
        ]);
        let row = candidate(
            &h,
            &values(&[
                "Grace",
                "Grace@Example.com",
                "1 (415) 555-0101",
                "c-1",
                "Navy",
                "Arlington",
                "pro",
                "Row 2: old reason",
            ]),
        )
        .unwrap();
        assert_eq!(row.email.as_deref(), Some("grace@example.com"));
        assert_eq!(row.phone_number.as_deref(), Some("+14155550101"));
        assert_eq!(row.identifier.as_deref(), Some("c-1"));
        assert_eq!(
            Value::Object(row.additional.clone()),
            json!({ "company_name": "Navy", "city": "Arlington" })
        );
        assert_eq!(
            Value::Object(row.custom.clone()),
            json!({ "plan": "pro" }),
            "the failed-records errors column is not an attribute"
        );
        let params = row.params();
        assert_eq!(params.name.as_deref(), Some("Grace"));
    }

    #[test]
    fn blanks_change_nothing() {
        let h = headers(&["name", "email", "plan"]);
        let row = candidate(&h, &values(&["", "a@example.com", " "])).unwrap();
        let params = row.params();
        assert_eq!(params.name, None);
        assert_eq!(params.custom_attributes, None);
    }

    #[test]
    fn bad_rows_get_every_reason() {
        let h = headers(&["name", "email", "phone_number"]);
        assert_eq!(
            candidate(&h, &values(&["Bob", "not-an-email", "12ab"])).unwrap_err(),
            "Email is invalid, Phone number should be in e164 format"
        );
        assert_eq!(
            candidate(&h, &values(&["Only a name", "", ""])).unwrap_err(),
            "The row has no email, phone number or identifier"
        );
    }

    #[test]
    fn keys_name_each_unique_value() {
        let h = headers(&["email", "identifier"]);
        let row = candidate(&h, &values(&["a@example.com", "x"])).unwrap();
        assert_eq!(
            row.keys(),
            vec![
                ("identifier", "identifier:x".to_owned()),
                ("email", "email:a@example.com".to_owned())
            ]
        );
    }
}
