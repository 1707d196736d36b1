//! `content_attributes` per content type: accepted as an object or a JSON string, and
//! checked for the interactive types (interfaces.md §2.2, the interactive-messages page of the
//! seeds), so the widget never receives a card or form it cannot draw.

use serde_json::{Map, Value};

use crate::domain::ContentType;
use crate::{Error, Result};

/// The content attributes to store for a message of `content_type`.
pub fn parse_content_attributes(content_type: ContentType, raw: Option<&Value>) -> Result<Value> {
    let value = match raw {
        None | Some(Value::Null) => Value::Object(Map::new()),
        Some(Value::String(text)) if text.trim().is_empty() => Value::Object(Map::new()),
        Some(Value::String(text)) => serde_json::from_str(text)
            .map_err(|_| invalid("content_attributes must be an object or a JSON string"))?,
        Some(other) => other.clone(),
    };
    let Value::Object(map) = &value else {
        return Err(invalid("content_attributes must be an object"));
    };
    if value.to_string().len() > 64 * 1024 {
        return Err(invalid("content_attributes are too long"));
    }
    let items = map.get("items");
    match content_type {
        ContentType::InputSelect => each_item(items, "input_select", |item| {
            text(item, "title") && has(item, "value")
        }),
        ContentType::Cards => each_item(items, "cards", |item| {
            text(item, "title") && actions_ok(item.get("actions"))
        }),
        ContentType::Form => each_item(items, "form", |item| {
            text(item, "name")
                && item.get("type").and_then(Value::as_str).is_some_and(|t| {
                    matches!(t, "text" | "text_area" | "textarea" | "email" | "select")
                })
        }),
        ContentType::Article => each_item(items, "article", |item| {
            text(item, "title") && text(item, "link")
        }),
        _ => Ok(()),
    }?;
    Ok(value)
}

fn invalid(message: &str) -> Error {
    Error::Unprocessable(message.into())
}

fn text(item: &Value, key: &str) -> bool {
    item.get(key)
        .and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty())
}

fn has(item: &Value, key: &str) -> bool {
    item.get(key).is_some_and(|v| !v.is_null())
}

fn actions_ok(actions: Option<&Value>) -> bool {
    match actions {
        None => true,
        Some(Value::Array(actions)) => {
            actions
                .iter()
                .all(|a| match a.get("type").and_then(Value::as_str) {
                    Some("link") => text(a, "text") && text(a, "uri"),
                    Some("postback") => text(a, "text") && has(a, "payload"),
                    _ => false,
                })
        }
        Some(_) => false,
    }
}

fn each_item(items: Option<&Value>, kind: &str, ok: impl Fn(&Value) -> bool) -> Result<()> {
    match items {
        Some(Value::Array(items))
            if !items.is_empty() && items.len() <= 100 && items.iter().all(&ok) =>
        {
            Ok(())
        }
        _ => Err(Error::Unprocessable(format!(
            "content_attributes.items is not valid for {kind} messages"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn interactive_content_is_checked() {
        let select = json!({ "items": [{ "title": "Yes", "value": "yes" }] });
        assert!(parse_content_attributes(ContentType::InputSelect, Some(&select)).is_ok());
        assert!(
            parse_content_attributes(ContentType::InputSelect, Some(&json!({ "items": [] })))
                .is_err()
        );
        let as_string = Value::String(select.to_string());
        assert_eq!(
            parse_content_attributes(ContentType::InputSelect, Some(&as_string)).unwrap(),
            select
        );

        let cards = json!({ "items": [{ "title": "Plan", "actions": [{ "type": "link", "text": "Buy", "uri": "https://x" }, { "type": "postback", "text": "Ask", "payload": "ASK" }] }] });
        assert!(parse_content_attributes(ContentType::Cards, Some(&cards)).is_ok());
        let bad_action = json!({ "items": [{ "title": "Plan", "actions": [{ "type": "call" }] }] });
        assert!(parse_content_attributes(ContentType::Cards, Some(&bad_action)).is_err());

        let form = json!({ "items": [{ "name": "email", "type": "email", "label": "Email" }] });
        assert!(parse_content_attributes(ContentType::Form, Some(&form)).is_ok());
        assert!(
            parse_content_attributes(
                ContentType::Article,
                Some(&json!({ "items": [{ "title": "Docs" }] }))
            )
            .is_err()
        );
        assert!(parse_content_attributes(ContentType::Text, Some(&json!([1, 2]))).is_err());
        assert_eq!(
            parse_content_attributes(ContentType::Text, None).unwrap(),
            json!({})
        );
    }
}
