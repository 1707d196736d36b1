//! `/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages`.

use axum::Json;
use axum::extract::{FromRequest, Path, Request, State};
use axum_extra::extract::Query;
use onechat_core::Error;
use onechat_core::services::messages::{self, MessagesMeta};
use onechat_core::services::uploads::Upload;
use onechat_core::wire::envelope::MetaPayload;
use onechat_core::wire::message::{Message, MessageParams, MessageStatusParams};
use serde::Deserialize;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::params::Body;
use crate::http::scope::{AnyScope, UserScope};
use crate::http::{ApiError, form};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(update, destroy))
}

/// `GET …/messages` query.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// The 20 messages before this id.
    before: Option<i64>,
    /// Up to 100 messages after this id (a reconnecting client catches up with this).
    after: Option<i64>,
}

/// The conversation's messages, oldest first: the 20 latest, or a window around ids.
/// Includes private notes and activity lines.
#[utoipa::path(
    get, path = "/conversations/{conversation_id}/messages", tag = "Messages",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path), WindowQuery),
    responses((status = 200, body = MetaPayload<MessagesMeta, Vec<Message>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Query(query): Query<WindowQuery>,
) -> Result<Json<MetaPayload<MessagesMeta, Vec<Message>>>, ApiError> {
    let (meta, payload) =
        messages::list(&state.services, &scope, id, query.before, query.after).await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// Posts a message: JSON, or multipart with files in `attachments[]`. Any problem is a 422
/// `{"error": …}`, as in Chatwoot.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/messages", tag = "Messages",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = MessageParams,
    responses((status = 200, body = Message)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn create(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    request: Request,
) -> Result<Json<Message>, ApiError> {
    let (params, files) = read_message(request, &state).await?;
    match messages::create(&state.services, &scope, id, &params, files).await {
        Ok(message) => Ok(Json(message)),
        // Chatwoot answers every failure of this route with `{"error": …}`.
        Err(Error::Invalid(v)) => Err(Error::Unprocessable(v.message()).into()),
        Err(other) => Err(other.into()),
    }
}

/// The message fields and files of a JSON or multipart body.
pub async fn read_message(
    request: Request,
    state: &AppState,
) -> Result<(MessageParams, Vec<Upload>), ApiError> {
    if !form::is_multipart(request.headers()) {
        let Body(params) = Body::<MessageParams>::from_request(request, state).await?;
        return Ok((params, Vec::new()));
    }
    let form = form::read_multipart(request, state).await?;
    let mut fields = serde_json::Map::new();
    for (name, text) in form.fields {
        let key = form::unwrap_key(&name, "message").to_owned();
        let value = match key.as_str() {
            "private" => Value::Bool(matches!(text.as_str(), "true" | "1" | "on")),
            "campaign_id" => text.parse::<i64>().map(Value::from).unwrap_or(Value::Null),
            "content_attributes" | "template_params" => {
                serde_json::from_str(&text).unwrap_or(Value::String(text))
            }
            _ => Value::String(text),
        };
        fields.insert(key, value);
    }
    // `attachments[]`, `attachments` or the widget's `message[attachments][]`.
    let files = form
        .files
        .into_iter()
        .filter(|(name, _)| name.contains("attachments"))
        .map(|(_, file)| file)
        .collect();
    let params: MessageParams = serde_json::from_value(Value::Object(fields)).map_err(|e| {
        ApiError::BadRequest(axum::http::StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
    })?;
    Ok((params, files))
}

/// Sets a message's delivery status (API inboxes only).
#[utoipa::path(
    patch, path = "/conversations/{conversation_id}/messages/{message_id}", tag = "Messages",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path), ("message_id" = i64, Path)),
    request_body = MessageStatusParams,
    responses((status = 200, body = Message)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id, message_id)): Path<(i64, i64, i64)>,
    Body(params): Body<MessageStatusParams>,
) -> Result<Json<Message>, ApiError> {
    Ok(Json(
        messages::update_status(&state.services, &scope, id, message_id, &params).await?,
    ))
}

/// Deletes a message: its content is replaced and its files removed.
#[utoipa::path(
    delete, path = "/conversations/{conversation_id}/messages/{message_id}", tag = "Messages",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path), ("message_id" = i64, Path)),
    responses((status = 200, body = Message)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id, message_id)): Path<(i64, i64, i64)>,
) -> Result<Json<Message>, ApiError> {
    Ok(Json(
        messages::delete(&state.services, &scope, id, message_id).await?,
    ))
}
