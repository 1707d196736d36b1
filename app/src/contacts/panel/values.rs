//! Custom attribute values between their stored JSON and the text of a form field, by the
//! definition's display type. Core stores whatever it is given (domain.md §13), so the panel
//! checks what the agent typed against the type before saving it.

use onechat_core::domain::StoredEnum as _;
use onechat_core::wire::custom_attribute::CustomAttributeDefinition;
use serde_json::Value;

use super::models::AttributeField;

/// The definition with `record`'s value, as the panel's form shows it.
pub fn field(definition: &CustomAttributeDefinition, record: &Value) -> AttributeField {
    let kind = definition.attribute_display_type.as_str().to_owned();
    let value = match record.get(&definition.attribute_key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) if kind == "date" => text.chars().take(10).collect(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    AttributeField {
        key: definition.attribute_key.clone(),
        label: definition.attribute_display_name.clone(),
        kind,
        value,
        options: options(definition),
        description: definition.attribute_description.clone().unwrap_or_default(),
    }
}

fn options(definition: &CustomAttributeDefinition) -> Vec<String> {
    definition
        .attribute_values
        .as_array()
        .map(|values| {
            values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The JSON to store for the form text `raw`, or `None` to remove the attribute (an empty
/// field). `Err` names what is wrong.
pub fn parse(definition: &CustomAttributeDefinition, raw: &str) -> Result<Option<Value>, String> {
    use onechat_core::domain::AttributeDisplayType as Kind;

    let raw = raw.trim();
    let label = &definition.attribute_display_name;
    if raw.is_empty() {
        return Ok(match definition.attribute_display_type {
            // An unchecked box sends nothing: that is `false`, not "unset".
            Kind::Checkbox => Some(Value::Bool(false)),
            _ => None,
        });
    }
    let value = match definition.attribute_display_type {
        Kind::Text => Value::String(raw.to_owned()),
        Kind::Number | Kind::Currency | Kind::Percent => {
            let number: f64 = raw
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| format!("{label} must be a number"))?;
            // Whole numbers stay integers in the JSON, as the REST API would store them.
            if number.fract() == 0.0 && number.abs() < 9.0e15 {
                Value::from(number as i64)
            } else {
                Value::from(number)
            }
        }
        Kind::Link => {
            let is_link = (raw.starts_with("https://") || raw.starts_with("http://"))
                && raw.len() > "https://".len()
                && !raw.chars().any(char::is_whitespace);
            if !is_link {
                return Err(format!("{label} must be a link starting with http(s)://"));
            }
            Value::String(raw.to_owned())
        }
        Kind::Date => {
            if !valid_date(raw) {
                return Err(format!("{label} must be a date (YYYY-MM-DD)"));
            }
            Value::String(raw.to_owned())
        }
        Kind::List => {
            if !options(definition).iter().any(|option| option == raw) {
                return Err(format!("{label} must be one of its options"));
            }
            Value::String(raw.to_owned())
        }
        Kind::Checkbox => match raw {
            "true" | "on" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(format!("{label} must be checked or not")),
        },
    };
    Ok(Some(value))
}

/// `YYYY-MM-DD` with a real month and day.
fn valid_date(raw: &str) -> bool {
    let mut parts = raw.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::valid_date;

    #[test]
    fn dates_must_exist() {
        assert!(valid_date("2024-02-29"));
        assert!(!valid_date("2023-02-29"));
        assert!(!valid_date("2024-13-01"));
        assert!(!valid_date("24-01-01"));
        assert!(!valid_date("2024-01-01-01"));
    }
}
