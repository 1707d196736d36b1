//! Server side: core's wire `Message` to the thread's `ThreadMessage` — markdown rendered and
//! sanitised, attachments with safe URLs, interactive prompts with their answers, delivery
//! state, and whether the viewer may delete it.

use onechat_core::domain::{ContentType, MessageStatus};
use onechat_core::services::access::Scope;
use onechat_core::wire::message::{Attachment, Message, Sender};
use serde_json::Value;

use super::markdown;
use super::models::{MessageKind, ThreadMessage};
use super::thread_models::{
    Answer, AttachmentKind, Delivery, Interactive, Offer, ThreadAttachment, file_size,
};

/// A message of the thread as `scope`'s user sees it.
pub fn message(message: Message, scope: &Scope) -> ThreadMessage {
    let kind = MessageKind::from_wire(message.message_type, message.private);
    let deleted = is_deleted(&message);
    let sender_name = message.sender.as_ref().map(|sender| match sender {
        Sender::Contact(contact) => contact.name.clone(),
        Sender::User(user) => user.available_name.clone(),
        Sender::AgentBot(bot) => bot.name.clone(),
    });
    let attributes = &message.content_attributes;
    let (delivery, delivery_error) = if kind == MessageKind::Outgoing && !deleted {
        let delivery = match message.status {
            MessageStatus::Sent => Delivery::Sent,
            MessageStatus::Delivered => Delivery::Delivered,
            MessageStatus::Read => Delivery::Read,
            MessageStatus::Failed => Delivery::Failed,
        };
        let error = (delivery == Delivery::Failed)
            .then(|| text(attributes.get("external_error")))
            .flatten();
        (Some(delivery), error)
    } else {
        (None, None)
    };
    let content = message.content.as_deref().unwrap_or_default();
    ThreadMessage {
        id: message.id,
        kind,
        // Activity lines are system text: no formatting, but still escaped by the renderer.
        html: if deleted {
            String::new()
        } else {
            markdown::to_html(content)
        },
        sender_name,
        created_at: message.created_at,
        attachments: message
            .attachments
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter_map(attachment)
            .collect(),
        interactive: if deleted {
            None
        } else {
            interactive(message.content_type, attributes)
        },
        delivery,
        delivery_error,
        deleted,
        deletable: may_delete(&message, scope),
    }
}

/// Whether core marked the message deleted.
pub fn is_deleted(message: &Message) -> bool {
    message
        .content_attributes
        .get("deleted")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Agents delete their own replies and notes; administrators any reply or note. Messages from
/// the contact and system lines stay: they are the record of what happened.
pub fn may_delete(message: &Message, scope: &Scope) -> bool {
    let kind = MessageKind::from_wire(message.message_type, message.private);
    if is_deleted(message) || !matches!(kind, MessageKind::Outgoing | MessageKind::PrivateNote) {
        return false;
    }
    if scope.is_admin() {
        return true;
    }
    matches!(
        (&message.sender, scope.user_id()),
        (Some(Sender::User(user)), Some(me)) if user.id == me
    )
}

fn attachment(file: &Attachment) -> Option<ThreadAttachment> {
    // Only web URLs reach `src`/`href`: an external URL could be anything.
    if !markdown::is_safe_url(&file.data_url) || file.data_url.starts_with("mailto:") {
        return None;
    }
    let kind = match file.file_type.as_str() {
        "image" => AttachmentKind::Image,
        "video" => AttachmentKind::Video,
        "audio" => AttachmentKind::Audio,
        _ => AttachmentKind::File,
    };
    let thumb_url = if kind == AttachmentKind::Image
        && markdown::is_safe_url(&file.thumb_url)
        && !file.thumb_url.starts_with("mailto:")
    {
        file.thumb_url.clone()
    } else if kind == AttachmentKind::Image {
        file.data_url.clone()
    } else {
        String::new()
    };
    Some(ThreadAttachment {
        kind,
        name: file_name(&file.data_url),
        url: file.data_url.clone(),
        thumb_url,
        size: file.file_size.map(file_size),
    })
}

/// The last path segment of a URL (core names stored files there), else "file".
fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/')
        .next()
        .filter(|name| !name.is_empty() && !name.contains(':'))
        .unwrap_or("file")
        .to_owned()
}

/// What an interactive message offered and how it was answered (shapes per interfaces.md).
fn interactive(content_type: ContentType, attributes: &Value) -> Option<Interactive> {
    let items = attributes
        .get("items")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let submitted = attributes.get("submitted_values");
    let (title, offers, answers) = match content_type {
        ContentType::InputSelect => (
            "Options",
            items
                .iter()
                .map(|i| offer(i, "title", None, None))
                .collect(),
            submitted_list(submitted, items, "title"),
        ),
        ContentType::Form => (
            "Form",
            items
                .iter()
                .map(|i| offer(i, "label", None, None))
                .collect(),
            submitted_list(submitted, items, "label"),
        ),
        ContentType::Cards => (
            "Cards",
            items
                .iter()
                .map(|i| {
                    let link = i
                        .get("actions")
                        .and_then(Value::as_array)
                        .and_then(|actions| actions.iter().find_map(|a| text(a.get("uri"))));
                    offer(i, "title", Some("description"), link)
                })
                .collect(),
            submitted_list(submitted, items, "title"),
        ),
        ContentType::Article => (
            "Articles",
            items
                .iter()
                .map(|i| offer(i, "title", Some("description"), text(i.get("link"))))
                .collect(),
            Vec::new(),
        ),
        ContentType::InputEmail => {
            let email = text(attributes.get("submitted_email")).or_else(|| {
                submitted
                    .and_then(|s| s.get("email"))
                    .and_then(|e| text(Some(e)))
            });
            (
                "Email requested",
                Vec::new(),
                email
                    .map(|value| Answer {
                        label: "Email".into(),
                        value,
                    })
                    .into_iter()
                    .collect(),
            )
        }
        ContentType::InputCsat => {
            let response = submitted.and_then(|s| s.get("csat_survey_response"));
            let mut answers = Vec::new();
            if let Some(rating) = response
                .and_then(|r| r.get("rating"))
                .and_then(|r| r.as_i64().or_else(|| r.as_str()?.parse().ok()))
            {
                answers.push(Answer {
                    label: "Rating".into(),
                    value: format!("{rating} / 5"),
                });
            }
            if let Some(feedback) = response.and_then(|r| text(r.get("feedback_message"))) {
                answers.push(Answer {
                    label: "Feedback".into(),
                    value: feedback,
                });
            }
            ("Satisfaction survey", Vec::new(), answers)
        }
        _ => return None,
    };
    Some(Interactive {
        answerable: content_type != ContentType::Article,
        title: title.to_owned(),
        offers,
        answers,
    })
}

fn offer(item: &Value, title: &str, detail: Option<&str>, link: Option<String>) -> Offer {
    Offer {
        title: text(item.get(title))
            .or_else(|| text(item.get("name")))
            .or_else(|| text(item.get("value")))
            .unwrap_or_default(),
        detail: detail.and_then(|key| text(item.get(key))),
        link: link.filter(|l| markdown::is_safe_url(l) && !l.starts_with("mailto:")),
    }
}

/// `submitted_values` as a list: `[{title, value}]` for a chosen option, `[{name, value}]`
/// for a form (labelled with the field's label from `items`).
fn submitted_list(submitted: Option<&Value>, items: &[Value], label_key: &str) -> Vec<Answer> {
    let Some(values) = submitted.and_then(Value::as_array) else {
        return Vec::new();
    };
    values
        .iter()
        .filter_map(|value| {
            if let Some(name) = text(value.get("name")) {
                let label = items
                    .iter()
                    .find(|i| text(i.get("name")).as_deref() == Some(name.as_str()))
                    .and_then(|i| text(i.get(label_key)))
                    .unwrap_or(name);
                return Some(Answer {
                    label,
                    value: text(value.get("value")).unwrap_or_default(),
                });
            }
            let chosen = text(value.get("title")).or_else(|| text(value.get("value")))?;
            Some(Answer {
                label: String::new(),
                value: chosen,
            })
        })
        .collect()
}

/// A JSON string, number or bool as text; `None` for anything else or an empty string.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn file_names_come_from_the_url() {
        assert_eq!(
            file_name("https://x.test/attachments/1/abc/report.pdf?x=1"),
            "report.pdf"
        );
        assert_eq!(file_name("https://x.test/"), "file");
    }

    #[test]
    fn a_select_shows_its_options_and_the_choice() {
        let attributes = json!({
            "items": [{"title": "Yes", "value": "y"}, {"title": "No", "value": "n"}],
            "submitted_values": [{"title": "No", "value": "n"}]
        });
        let shown = interactive(ContentType::InputSelect, &attributes).expect("interactive");
        assert_eq!(shown.offers.len(), 2);
        assert_eq!(shown.answers[0].value, "No");
    }

    #[test]
    fn a_form_answer_is_labelled_by_its_field() {
        let attributes = json!({
            "items": [{"name": "email", "label": "Your email", "type": "email"}],
            "submitted_values": [{"name": "email", "value": "a@b.c"}]
        });
        let shown = interactive(ContentType::Form, &attributes).expect("interactive");
        assert_eq!(shown.answers[0].label, "Your email");
        assert_eq!(shown.answers[0].value, "a@b.c");
    }

    #[test]
    fn csat_and_email_answers() {
        let csat = json!({"submitted_values": {"csat_survey_response": {"rating": 4, "feedback_message": "ok"}}});
        let shown = interactive(ContentType::InputCsat, &csat).expect("csat");
        assert_eq!(shown.answers[0].value, "4 / 5");
        assert_eq!(shown.answers[1].value, "ok");
        let email = json!({"submitted_email": "grace@example.com"});
        let shown = interactive(ContentType::InputEmail, &email).expect("email");
        assert_eq!(shown.answers[0].value, "grace@example.com");
        assert!(interactive(ContentType::Text, &email).is_none());
    }

    #[test]
    fn card_links_must_be_web_links() {
        let attributes = json!({"items": [
            {"title": "A", "actions": [{"type": "link", "uri": "javascript:alert(1)"}]},
            {"title": "B", "actions": [{"type": "link", "uri": "https://e.com"}]}
        ]});
        let shown = interactive(ContentType::Cards, &attributes).expect("cards");
        assert_eq!(shown.offers[0].link, None);
        assert_eq!(shown.offers[1].link.as_deref(), Some("https://e.com"));
    }
}
