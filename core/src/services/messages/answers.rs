//! A contact answering an interactive message: a select, a form or cards (the chosen values
//! are kept on the message), the email prompt (the contact is identified by that email), or
//! the satisfaction survey (a rating is stored). Shared by the client API and the widget.

use chrono::TimeDelta;
use serde_json::Value;

use crate::db::Conn;
use crate::domain::{ContentType, MessageType};
use crate::store::conversations::Conversation;
use crate::store::messages::Message;
use crate::store::{contacts, csat};
use crate::{Error, Result, Services};

use crate::services::contacts::{Identity, identify};

/// Longest answer kept on a select, form or cards message.
const MAX_ANSWER_BYTES: usize = 16 * 1024;

/// Writes `submitted` onto `message` (not saved yet) inside the caller's transaction.
/// `csat_editable` limits how long after the survey a rating may still change.
pub async fn apply(
    svc: &Services,
    mut conn: Conn<'_>,
    conversation: &Conversation,
    contact_id: i64,
    message: &mut Message,
    submitted: Value,
    csat_editable: Option<TimeDelta>,
) -> Result<()> {
    if message.private || message.message_type == MessageType::Activity {
        return Err(Error::NotFound);
    }
    let account_id = conversation.account_id;
    let attributes = message
        .content_attributes
        .0
        .as_object_mut()
        .ok_or_else(|| Error::Internal("content attributes".into()))?;
    match message.content_type {
        ContentType::InputCsat => {
            if csat_editable.is_some_and(|limit| crate::store::now() - message.created_at > limit) {
                return Err(Error::Unprocessable(
                    "The survey can no longer be changed".into(),
                ));
            }
            let response = submitted
                .get("csat_survey_response")
                .ok_or_else(|| Error::MissingParam("csat_survey_response".into()))?;
            let rating = response
                .get("rating")
                .and_then(|r| r.as_i64().or_else(|| r.as_str()?.parse().ok()))
                .filter(|r| (1..=5).contains(r))
                .ok_or_else(|| Error::invalid("rating", "Rating must be between 1 and 5"))?;
            let feedback = response
                .get("feedback_message")
                .and_then(Value::as_str)
                .map(|f| f.chars().take(10_000).collect::<String>());
            csat::upsert(
                conn,
                &csat::Rating {
                    account_id,
                    conversation_id: conversation.id,
                    message_id: message.id,
                    contact_id,
                    rating: i16::try_from(rating).unwrap_or(5),
                    feedback_message: feedback.clone(),
                    assigned_agent_id: conversation.assignee_id,
                },
            )
            .await?;
            attributes.insert(
                "submitted_values".into(),
                serde_json::json!({ "csat_survey_response": { "rating": rating, "feedback_message": feedback } }),
            );
        }
        ContentType::InputEmail => {
            let email = submitted
                .get("email")
                .or_else(|| {
                    submitted
                        .as_array()
                        .and_then(|a| a.first())
                        .and_then(|v| v.get("value"))
                })
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|e| e.contains('@') && e.len() <= 255)
                .map(str::to_owned)
                .ok_or_else(|| Error::invalid("email", "Email is invalid"))?;
            attributes.insert("submitted_email".into(), Value::from(email.clone()));
            let current = contacts::find(conn.reborrow(), account_id, contact_id)
                .await?
                .ok_or(Error::NotFound)?;
            identify(
                svc,
                conn,
                current,
                &Identity {
                    email: Some(email),
                    ..Identity::default()
                },
            )
            .await?;
        }
        ContentType::InputSelect | ContentType::Form | ContentType::Cards => {
            if submitted.is_null() {
                return Err(Error::MissingParam("submitted_values".into()));
            }
            if submitted.to_string().len() > MAX_ANSWER_BYTES {
                return Err(Error::invalid(
                    "submitted_values",
                    "Submitted values are too long",
                ));
            }
            attributes.insert("submitted_values".into(), submitted);
        }
        _ => return Err(Error::Unprocessable("This message takes no answer".into())),
    }
    Ok(())
}
