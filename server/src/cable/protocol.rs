//! The ActionCable JSON protocol (Rails 7.1, subprotocol `actioncable-v1-json`): the commands
//! clients send and the frames the server answers with. Identifiers are JSON strings that the
//! server echoes back byte for byte.

use serde::Deserialize;
use serde_json::Value;

/// The subprotocols offered by ActionCable clients; the first is the one spoken.
pub const SUBPROTOCOLS: [&str; 2] = ["actioncable-v1-json", "actioncable-unsupported"];

/// A command from the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `subscribe` with its identifier.
    Subscribe(String),
    /// `unsubscribe` with its identifier.
    Unsubscribe(String),
    /// `message`: an action (`data` is a JSON string) on a subscription.
    Message {
        /// The subscription.
        identifier: String,
        /// The action name inside `data`.
        action: Option<String>,
    },
}

#[derive(Deserialize)]
struct RawCommand {
    command: String,
    identifier: Option<String>,
    data: Option<String>,
}

#[derive(Deserialize)]
struct RawData {
    action: Option<String>,
}

/// Parses a text frame; `None` for malformed frames and unknown commands (they are
/// ignored, as Rails does, without touching the other subscriptions).
pub fn parse(text: &str) -> Option<Command> {
    let raw: RawCommand = serde_json::from_str(text).ok()?;
    let identifier = raw.identifier?;
    match raw.command.as_str() {
        "subscribe" => Some(Command::Subscribe(identifier)),
        "unsubscribe" => Some(Command::Unsubscribe(identifier)),
        "message" => {
            let action = raw
                .data
                .as_deref()
                .and_then(|data| serde_json::from_str::<RawData>(data).ok())
                .and_then(|data| data.action);
            Some(Command::Message { identifier, action })
        }
        _ => None,
    }
}

/// What a `RoomChannel` identifier names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomIdentifier {
    /// The pubsub token.
    pub pubsub_token: String,
    /// The account (agents only).
    pub account_id: Option<i64>,
    /// The user (agents only).
    pub user_id: Option<i64>,
}

#[derive(Deserialize)]
struct RawIdentifier {
    channel: Option<String>,
    pubsub_token: Option<String>,
    #[serde(default)]
    account_id: Value,
    #[serde(default)]
    user_id: Value,
}

/// Parses a subscription identifier; `None` unless it is a `RoomChannel` with a token.
/// Ids may come as numbers or strings (`"1"`), as JavaScript clients send either.
pub fn room_identifier(identifier: &str) -> Option<RoomIdentifier> {
    let raw: RawIdentifier = serde_json::from_str(identifier).ok()?;
    if raw.channel.as_deref() != Some("RoomChannel") {
        return None;
    }
    let id = |value: &Value| match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.is_empty() => s.parse().ok(),
        _ => None,
    };
    Some(RoomIdentifier {
        pubsub_token: raw.pubsub_token.filter(|t| !t.is_empty())?,
        account_id: id(&raw.account_id),
        user_id: id(&raw.user_id),
    })
}

/// Sent once when a connection opens.
pub const WELCOME: &str = r#"{"type":"welcome"}"#;

/// The heartbeat, every 3 seconds.
pub fn ping(unix_seconds: i64) -> String {
    format!(r#"{{"type":"ping","message":{unix_seconds}}}"#)
}

/// Confirms a subscription.
pub fn confirm(identifier: &str) -> String {
    format!(
        r#"{{"identifier":{},"type":"confirm_subscription"}}"#,
        json_string(identifier)
    )
}

/// The server closes the connection (`unauthorized`, `invalid_request`, `server_restart`,
/// `remote`).
pub fn disconnect(reason: &str, reconnect: bool) -> String {
    format!(r#"{{"type":"disconnect","reason":"{reason}","reconnect":{reconnect}}}"#)
}

/// The `message` of a push: `{"event":…,"data":…}`.
pub fn event_message(name: &str, data: &Value) -> String {
    serde_json::json!({ "event": name, "data": data }).to_string()
}

/// A push on one subscription: `{"identifier":…,"message":<message>}`.
pub fn push_frame(identifier: &str, message: &str) -> String {
    let identifier = json_string(identifier);
    let mut frame = String::with_capacity(identifier.len() + message.len() + 28);
    frame.push_str(r#"{"identifier":"#);
    frame.push_str(&identifier);
    frame.push_str(r#","message":"#);
    frame.push_str(message);
    frame.push('}');
    frame
}

fn json_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_ignores_garbage() {
        let id = r#"{"channel":"RoomChannel","pubsub_token":"t"}"#;
        let frame = serde_json::json!({ "command": "subscribe", "identifier": id }).to_string();
        assert_eq!(parse(&frame), Some(Command::Subscribe(id.into())));
        let frame = serde_json::json!({
            "command": "message", "identifier": id, "data": r#"{"action":"update_presence"}"#
        })
        .to_string();
        assert_eq!(
            parse(&frame),
            Some(Command::Message {
                identifier: id.into(),
                action: Some("update_presence".into())
            })
        );
        assert_eq!(parse("not json"), None);
        assert_eq!(parse(r#"{"command":"dance","identifier":"x"}"#), None);
        assert_eq!(parse(r#"{"command":"subscribe"}"#), None);
    }

    #[test]
    fn reads_room_identifiers_with_numeric_or_string_ids() {
        let agent = room_identifier(
            r#"{"channel":"RoomChannel","pubsub_token":"t","account_id":1,"user_id":"7"}"#,
        );
        assert_eq!(
            agent,
            Some(RoomIdentifier {
                pubsub_token: "t".into(),
                account_id: Some(1),
                user_id: Some(7)
            })
        );
        assert_eq!(
            room_identifier(r#"{"channel":"OtherChannel","pubsub_token":"t"}"#),
            None
        );
        assert_eq!(room_identifier(r#"{"channel":"RoomChannel"}"#), None);
    }

    #[test]
    fn frames_echo_the_identifier_as_a_json_string() {
        let id = r#"{"channel":"RoomChannel","pubsub_token":"t"}"#;
        let frame: Value = serde_json::from_str(&push_frame(id, r#"{"event":"x","data":{}}"#))
            .expect("valid JSON");
        assert_eq!(frame["identifier"], id);
        assert_eq!(frame["message"]["event"], "x");
        let confirm: Value = serde_json::from_str(&confirm(id)).expect("valid JSON");
        assert_eq!(confirm["type"], "confirm_subscription");
        assert_eq!(confirm["identifier"], id);
    }
}
