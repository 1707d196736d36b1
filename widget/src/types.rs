//! What the widget reads from `/api/v1/widget/*` and `/cable`: tolerant readers that keep only
//! the fields the UI uses, each defaulted, so a server adding or omitting a field never breaks us.

use serde_json::Value;

use crate::json;

/// `message_type` 0: written by the visitor.
pub const INCOMING: u8 = 0;
/// `message_type` 2: an activity line ("Conversation was resolved").
pub const ACTIVITY: u8 = 2;

/// A message as the widget API and the cable carry it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Message {
    pub id: u64,
    pub content: Option<String>,
    pub message_type: u8,
    pub content_type: Option<String>,
    pub content_attributes: Value,
    pub created_at: f64,
    pub conversation_id: Option<u64>,
    pub status: Option<String>,
    pub attachments: Vec<Attachment>,
    pub sender: Option<Sender>,
    pub echo_id: Option<String>,
    /// Local only: bumped on every update so the keyed list re-renders the row.
    pub rev: u32,
}

impl Message {
    /// Reads a message; `None` when it has no id (not a message at all).
    pub fn from_json(v: &Value) -> Option<Self> {
        let id = json::id(v, "id");
        (id != 0).then(|| Self {
            id,
            content: json::string(v, "content"),
            message_type: json::id(v, "message_type").min(u64::from(u8::MAX)) as u8,
            content_type: json::text(v, "content_type"),
            content_attributes: json::field(v, "content_attributes"),
            created_at: json::number(v, "created_at"),
            conversation_id: Some(json::id(v, "conversation_id")).filter(|&c| c != 0),
            status: json::text(v, "status"),
            attachments: json::each(v, "attachments", Attachment::from_json),
            sender: v
                .get("sender")
                .filter(|s| s.is_object())
                .map(Sender::from_json),
            echo_id: match v.get("echo_id") {
                Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            },
            rev: 0,
        })
    }

    /// The messages of a `{payload:[…]}` page (or of a bare array).
    pub fn page(v: &Value) -> Vec<Self> {
        let key = if v.is_array() { "" } else { "payload" };
        json::each(v, key, Self::from_json)
            .into_iter()
            .flatten()
            .collect()
    }

    /// Written by the visitor (shown on the right).
    pub fn is_user(&self) -> bool {
        self.message_type == INCOMING
    }

    /// Written by an agent, a bot or an automation: the messages that notify a closed widget.
    pub fn is_agent(&self) -> bool {
        !self.is_user() && self.message_type != ACTIVITY
    }

    /// `content_type`, "text" when absent.
    pub fn kind(&self) -> &str {
        self.content_type.as_deref().unwrap_or("text")
    }

    /// `content_attributes[key]`, or null.
    pub fn attr(&self, key: &str) -> &Value {
        self.content_attributes.get(key).unwrap_or(&Value::Null)
    }

    /// The key the message list uses: the server id, else the echo id of an optimistic send.
    pub fn key(&self) -> String {
        match (self.id, &self.echo_id) {
            (0, Some(echo)) => format!("e{echo}:{}", self.rev),
            (id, _) => format!("{id}:{}", self.rev),
        }
    }
}

/// A file on a message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attachment {
    pub file_type: String,
    pub data_url: String,
    pub thumb_url: Option<String>,
}

impl Attachment {
    fn from_json(v: &Value) -> Self {
        Self {
            file_type: json::string(v, "file_type").unwrap_or_default(),
            data_url: json::string(v, "data_url").unwrap_or_default(),
            thumb_url: json::text(v, "thumb_url"),
        }
    }
}

/// Who wrote a message (or sends a campaign).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sender {
    pub name: String,
    pub avatar_url: Option<String>,
}

impl Sender {
    /// Reads a sender, preferring the agent's chosen display name.
    pub fn from_json(v: &Value) -> Self {
        Self {
            name: json::text(v, "available_name")
                .or_else(|| json::string(v, "name"))
                .unwrap_or_default(),
            avatar_url: json::text(v, "avatar_url").or_else(|| json::text(v, "thumbnail")),
        }
    }
}

/// `GET /widget/conversations` (or `{}` when there is none, which reads as id 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversation {
    pub id: u64,
    pub status: String,
    pub agent_last_seen_at: Option<f64>,
}

impl Conversation {
    /// Reads a conversation.
    pub fn from_json(v: &Value) -> Self {
        Self {
            id: json::id(v, "id"),
            status: json::string(v, "status").unwrap_or_default(),
            agent_last_seen_at: json::opt_number(v, "agent_last_seen_at"),
        }
    }

    /// Whether the conversation was resolved (the composer may close and CSAT may arrive).
    pub fn is_resolved(&self) -> bool {
        self.status == "resolved"
    }
}

/// `GET /widget/contact`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub has_email: bool,
    pub has_phone_number: bool,
    pub identifier: Option<String>,
}

impl Contact {
    /// Reads the contact flags.
    pub fn from_json(v: &Value) -> Self {
        Self {
            has_email: json::flag(v, "has_email"),
            has_phone_number: json::flag(v, "has_phone_number"),
            identifier: json::text(v, "identifier"),
        }
    }
}

/// One of `GET /widget/inbox_members`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agent {
    pub id: u64,
    pub name: String,
    pub avatar_url: Option<String>,
    pub online: bool,
}

impl Agent {
    /// The members of a `{payload:[…]}` answer.
    pub fn list(v: &Value) -> Vec<Self> {
        json::each(v, "payload", |a| Self {
            id: json::id(a, "id"),
            name: json::string(a, "name").unwrap_or_default(),
            avatar_url: json::text(a, "avatar_url"),
            online: json::string(a, "availability_status").as_deref() == Some("online"),
        })
    }
}

/// An ongoing website campaign from `GET /widget/campaigns`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Campaign {
    pub id: u64,
    pub url: String,
    pub time_on_page: f64,
    pub business_hours_only: bool,
    pub message: String,
    pub sender: Option<Sender>,
}

impl Campaign {
    /// The campaigns of the answer (an array).
    pub fn list(v: &Value) -> Vec<Self> {
        json::each(v, "", |c| {
            let rules = json::field(c, "trigger_rules");
            Self {
                id: json::id(c, "id"),
                url: json::string(&rules, "url").unwrap_or_default(),
                // Chatwoot's default when the rule leaves it out.
                time_on_page: json::opt_number(&rules, "time_on_page").unwrap_or(10.0),
                business_hours_only: json::flag(c, "trigger_only_during_business_hours"),
                message: json::string(c, "message").unwrap_or_default(),
                sender: c
                    .get("sender")
                    .filter(|s| s.is_object())
                    .map(Sender::from_json),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn reads_a_message_tolerantly() {
        let v = parse(
            r#"{"id":"12","content":"hi","message_type":1,"content_type":null,"created_at":1.7e9,
                "attachments":null,"sender":{"name":"Ann","available_name":"Annie"},"echo_id":5}"#,
        );
        let m = Message::from_json(&v).unwrap();
        assert_eq!((m.id, m.message_type, m.kind()), (12, 1, "text"));
        assert!(m.is_agent() && m.attachments.is_empty());
        assert_eq!(m.sender.unwrap().name, "Annie");
        assert_eq!(m.echo_id.as_deref(), Some("5"));
        assert!(Message::from_json(&parse("{}")).is_none());
        assert_eq!(
            Message::page(&parse(r#"{"payload":[{"id":1},{"x":1}]}"#)).len(),
            1
        );
    }

    #[test]
    fn reads_campaigns_and_agents() {
        let c = Campaign::list(&parse(
            r#"[{"id":3,"trigger_rules":{"url":"https://a.test/"},"message":"Hey",
                "trigger_only_during_business_hours":true}]"#,
        ));
        assert_eq!(
            (c[0].id, c[0].url.as_str(), c[0].time_on_page),
            (3, "https://a.test/", 10.0)
        );
        assert!(c[0].business_hours_only);
        let a = Agent::list(&parse(
            r#"{"payload":[{"id":1,"availability_status":"online"}]}"#,
        ));
        assert!(a[0].online);
        assert!(Campaign::list(&parse(r#"{"error":"x"}"#)).is_empty());
    }
}
