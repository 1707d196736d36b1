//! The widget API, `/api/v1/widget/*`: the chat window's backend. Every call names the inbox
//! with `?website_token=` and the visitor with the `X-Auth-Token` session token; creations
//! are limited per client address and JSON bodies are small.

use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, REFERER, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use onechat_core::services::auth::ClientIp;
use onechat_core::services::uploads::Upload;
use onechat_core::services::widget::{self, Visitor};
use onechat_core::wire::message::Message;
use onechat_core::wire::public::RawContact;
use onechat_core::wire::widget::{
    CustomAttributesParams, DestroyCustomAttributesParams, TranscriptParams, WidgetAgents,
    WidgetCampaign, WidgetConfig, WidgetContact, WidgetContactParams, WidgetConversation,
    WidgetConversationCreated, WidgetConversationParams, WidgetEventParams, WidgetLabelParams,
    WidgetMessageParams, WidgetMessageUpdate, WidgetMessages, WidgetTypingParams,
};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::Body;
use crate::http::throttle::throttle;
use crate::state::AppState;

use super::messages::read_message;

/// Largest JSON body the widget sends (everything but attachments).
const JSON_LIMIT: usize = 64 * 1024;

type Ip = Option<Extension<ClientIp>>;

fn ip(ip: &Ip) -> Option<&ClientIp> {
    ip.as_ref().map(|Extension(ip)| ip)
}

pub fn router() -> OpenApiRouter<AppState> {
    let small = OpenApiRouter::new()
        .routes(routes!(config))
        .routes(routes!(show_contact, update_contact))
        .routes(routes!(set_user))
        .routes(routes!(destroy_contact_attributes))
        .routes(routes!(current_conversation, create_conversation))
        .routes(routes!(update_last_seen))
        .routes(routes!(toggle_typing))
        .routes(routes!(transcript))
        .routes(routes!(toggle_status))
        .routes(routes!(set_conversation_attributes))
        .routes(routes!(destroy_conversation_attributes))
        .routes(routes!(update_message))
        .routes(routes!(add_label))
        .routes(routes!(remove_label))
        .routes(routes!(inbox_members))
        .routes(routes!(campaigns))
        .routes(routes!(events))
        .layer(DefaultBodyLimit::max(JSON_LIMIT));
    // Messages may carry attachments: the server-wide upload limit applies.
    let uploads = OpenApiRouter::new().routes(routes!(list_messages, create_message));
    OpenApiRouter::new().merge(small).merge(uploads)
}

/// The caller: the inbox's website token and the visitor's session token.
pub struct WidgetCaller {
    website_token: String,
    auth: Option<String>,
}

impl WidgetCaller {
    fn token(&self) -> &str {
        &self.website_token
    }

    fn auth(&self) -> Option<&str> {
        self.auth.as_deref()
    }
}

#[derive(Deserialize, Default)]
struct TokenQuery {
    #[serde(default)]
    website_token: String,
}

impl<S: Send + Sync> FromRequestParts<S> for WidgetCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let Query(query) = Query::<TokenQuery>::try_from_uri(&parts.uri).unwrap_or_default();
        let auth = parts
            .headers
            .get("x-auth-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .filter(|t| !t.is_empty());
        Ok(WidgetCaller {
            website_token: query.website_token,
            auth,
        })
    }
}

fn visitor(headers: &HeaderMap) -> Visitor {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(512).collect::<String>())
    };
    Visitor {
        language: header(ACCEPT_LANGUAGE)
            .and_then(|l| l.split([',', ';']).next().map(str::trim).map(str::to_owned))
            .filter(|l| !l.is_empty()),
        user_agent: header(USER_AGENT),
        referer: header(REFERER),
    }
}

/// Starts or resumes the visitor's session and returns the channel configuration.
#[utoipa::path(
    post, path = "/api/v1/widget/config", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200, body = WidgetConfig)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn config(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
) -> Result<Json<WidgetConfig>, ApiError> {
    if caller.auth().is_none() {
        throttle(&state, ip(&client), "widget-sessions")?;
    }
    Ok(Json(
        widget::config(&state.services, caller.token(), caller.auth()).await?,
    ))
}

/// What is known about the visitor.
#[utoipa::path(
    get, path = "/api/v1/widget/contact", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200, body = WidgetContact)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn show_contact(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<Json<WidgetContact>, ApiError> {
    Ok(Json(
        widget::contact::show(&state.services, caller.token(), caller.auth()).await?,
    ))
}

/// The visitor tells who they are (may merge into a known contact).
#[utoipa::path(
    patch, path = "/api/v1/widget/contact", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetContactParams,
    responses((status = 200, body = WidgetContact)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn update_contact(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    Body(params): Body<Value>,
) -> Result<Json<WidgetContact>, ApiError> {
    throttle(&state, ip(&client), "widget-contact")?;
    let params = contact_params(params)?;
    Ok(Json(
        widget::contact::update(&state.services, caller.token(), caller.auth(), &params).await?,
    ))
}

fn contact_params(body: Value) -> Result<WidgetContactParams, ApiError> {
    let inner = match body.get("contact") {
        Some(wrapped @ Value::Object(_)) => wrapped.clone(),
        _ => body,
    };
    serde_json::from_value(inner)
        .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
}

/// `setUser`: identifies the visitor, checking `identifier_hash`.
#[utoipa::path(
    patch, path = "/api/v1/widget/contact/set_user", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetContactParams,
    responses((status = 200, body = WidgetContact), (status = 401, description = "identifier_hash is wrong")),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn set_user(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    Body(params): Body<Value>,
) -> Result<Json<WidgetContact>, ApiError> {
    throttle(&state, ip(&client), "widget-contact")?;
    let params = contact_params(params)?;
    Ok(Json(
        widget::contact::set_user(&state.services, caller.token(), caller.auth(), &params).await?,
    ))
}

/// Removes custom attributes from the visitor's contact.
#[utoipa::path(
    post, path = "/api/v1/widget/contact/destroy_custom_attributes", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = DestroyCustomAttributesParams,
    responses((status = 200, body = RawContact)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn destroy_contact_attributes(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Body(params): Body<DestroyCustomAttributesParams>,
) -> Result<Json<RawContact>, ApiError> {
    let keys = params.custom_attributes.unwrap_or_default();
    Ok(Json(
        widget::contact::destroy_custom_attributes(
            &state.services,
            caller.token(),
            caller.auth(),
            &keys,
        )
        .await?,
    ))
}

/// The current conversation, or `{}`.
#[utoipa::path(
    get, path = "/api/v1/widget/conversations", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200, body = WidgetConversation)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn current_conversation(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<Json<Value>, ApiError> {
    let current =
        widget::conversation::current(&state.services, caller.token(), caller.auth()).await?;
    Ok(Json(
        current
            .map(|c| serde_json::to_value(c).unwrap_or_default())
            .unwrap_or_else(|| json!({})),
    ))
}

/// Starts a conversation (the pre-chat form).
#[utoipa::path(
    post, path = "/api/v1/widget/conversations", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetConversationParams,
    responses((status = 200, body = WidgetConversationCreated)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn create_conversation(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    headers: HeaderMap,
    Body(params): Body<WidgetConversationParams>,
) -> Result<Json<WidgetConversationCreated>, ApiError> {
    throttle(&state, ip(&client), "widget-conversations")?;
    Ok(Json(
        widget::conversation::create(
            &state.services,
            caller.token(),
            caller.auth(),
            &params,
            &visitor(&headers),
        )
        .await?,
    ))
}

/// The visitor has read the conversation.
#[utoipa::path(
    post, path = "/api/v1/widget/conversations/update_last_seen", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn update_last_seen(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<(), ApiError> {
    Ok(
        widget::conversation::update_last_seen(&state.services, caller.token(), caller.auth())
            .await?,
    )
}

/// The visitor is typing (`on`) or stopped (`off`).
#[utoipa::path(
    post, path = "/api/v1/widget/conversations/toggle_typing", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetTypingParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn toggle_typing(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Body(params): Body<WidgetTypingParams>,
) -> Result<(), ApiError> {
    Ok(widget::conversation::typing(
        &state.services,
        caller.token(),
        caller.auth(),
        params.typing_status.as_deref(),
    )
    .await?)
}

/// Asks for the transcript by email.
#[utoipa::path(
    post, path = "/api/v1/widget/conversations/transcript", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = TranscriptParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn transcript(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    Body(params): Body<TranscriptParams>,
) -> Result<Json<Value>, ApiError> {
    throttle(&state, ip(&client), "widget-transcripts")?;
    let sent = widget::conversation::transcript(
        &state.services,
        caller.token(),
        caller.auth(),
        params.email.as_deref(),
    )
    .await?;
    Ok(Json(json!({ "sent": sent })))
}

/// Ends the current conversation.
#[utoipa::path(
    get, path = "/api/v1/widget/conversations/toggle_status", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200), (status = 403, description = "the inbox does not let visitors end conversations")),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn toggle_status(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<(), ApiError> {
    Ok(widget::conversation::resolve(&state.services, caller.token(), caller.auth()).await?)
}

/// Replaces the current conversation's custom attributes.
#[utoipa::path(
    post, path = "/api/v1/widget/conversations/set_custom_attributes", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = CustomAttributesParams,
    responses((status = 204)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn set_conversation_attributes(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Body(params): Body<CustomAttributesParams>,
) -> Result<StatusCode, ApiError> {
    widget::conversation::set_custom_attributes(
        &state.services,
        caller.token(),
        caller.auth(),
        params.custom_attributes,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes custom attributes from the current conversation.
#[utoipa::path(
    post, path = "/api/v1/widget/conversations/destroy_custom_attributes", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = DestroyCustomAttributesParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn destroy_conversation_attributes(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Body(params): Body<DestroyCustomAttributesParams>,
) -> Result<Json<Value>, ApiError> {
    let keys = params
        .custom_attribute
        .or(params.custom_attributes)
        .unwrap_or_default();
    Ok(Json(
        widget::conversation::destroy_custom_attributes(
            &state.services,
            caller.token(),
            caller.auth(),
            &keys,
        )
        .await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
struct MessagesQuery {
    before: Option<i64>,
    after: Option<i64>,
}

/// The current conversation's messages.
#[utoipa::path(
    get, path = "/api/v1/widget/messages", tag = "Widget API",
    params(("website_token" = String, Query), MessagesQuery),
    responses((status = 200, body = WidgetMessages)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn list_messages(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Query(query): Query<MessagesQuery>,
) -> Result<Json<WidgetMessages>, ApiError> {
    Ok(Json(
        widget::messages::list(
            &state.services,
            caller.token(),
            caller.auth(),
            query.before,
            query.after,
        )
        .await?,
    ))
}

/// The visitor sends a message (JSON, or multipart with `message[attachments][]`); starts a
/// conversation when there is none.
#[utoipa::path(
    post, path = "/api/v1/widget/messages", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = onechat_core::wire::widget::WidgetMessageCreate,
    responses((status = 200, body = Message)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn create_message(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    request: Request,
) -> Result<Json<Message>, ApiError> {
    throttle(&state, ip(&client), "widget-messages")?;
    let visitor = visitor(request.headers());
    let multipart = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    let (params, files): (WidgetMessageParams, Vec<Upload>) = if multipart {
        let (params, files) = read_message(request, &state).await?;
        (
            WidgetMessageParams {
                content: params.content,
                echo_id: params.echo_id,
                ..WidgetMessageParams::default()
            },
            files,
        )
    } else {
        let Body(body) = Body::<Value>::from_request(request, &state).await?;
        let inner = match body.get("message") {
            Some(wrapped @ Value::Object(_)) => wrapped.clone(),
            _ => body,
        };
        let params = serde_json::from_value(inner)
            .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        (params, Vec::new())
    };
    Ok(Json(
        widget::messages::create(
            &state.services,
            caller.token(),
            caller.auth(),
            widget::messages::NewMessage {
                content: params.content,
                echo_id: params.echo_id,
                referer_url: params.referer_url,
                files,
            },
            &visitor,
        )
        .await?,
    ))
}

/// The visitor answers the email prompt, an interactive message or the survey.
#[utoipa::path(
    patch, path = "/api/v1/widget/messages/{id}", tag = "Widget API",
    params(("website_token" = String, Query), ("id" = i64, Path)),
    request_body = WidgetMessageUpdate,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn update_message(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Path(id): Path<i64>,
    Body(params): Body<WidgetMessageUpdate>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(
        widget::messages::update(&state.services, caller.token(), caller.auth(), id, &params)
            .await?,
    ))
}

/// Adds an existing label to the current conversation.
#[utoipa::path(
    post, path = "/api/v1/widget/labels", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetLabelParams,
    responses((status = 204)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn add_label(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Body(params): Body<WidgetLabelParams>,
) -> Result<StatusCode, ApiError> {
    let label = params.label.unwrap_or_default();
    widget::conversation::label(&state.services, caller.token(), caller.auth(), &label, true)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a label from the current conversation.
#[utoipa::path(
    delete, path = "/api/v1/widget/labels/{label}", tag = "Widget API",
    params(("website_token" = String, Query), ("label" = String, Path)),
    responses((status = 204)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn remove_label(
    State(state): State<AppState>,
    caller: WidgetCaller,
    Path(label): Path<String>,
) -> Result<StatusCode, ApiError> {
    widget::conversation::label(
        &state.services,
        caller.token(),
        caller.auth(),
        &label,
        false,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The inbox's agents and their availability.
#[utoipa::path(
    get, path = "/api/v1/widget/inbox_members", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200, body = WidgetAgents)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn inbox_members(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<Json<WidgetAgents>, ApiError> {
    Ok(Json(
        widget::campaigns::agents(&state.services, caller.token(), caller.auth()).await?,
    ))
}

/// The inbox's live campaigns.
#[utoipa::path(
    get, path = "/api/v1/widget/campaigns", tag = "Widget API",
    params(("website_token" = String, Query)),
    responses((status = 200, body = Vec<WidgetCampaign>)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn campaigns(
    State(state): State<AppState>,
    caller: WidgetCaller,
) -> Result<Json<Vec<WidgetCampaign>>, ApiError> {
    Ok(Json(
        widget::campaigns::list(&state.services, caller.token(), caller.auth()).await?,
    ))
}

/// An event from the chat window (`campaign.triggered` starts the campaign's conversation).
#[utoipa::path(
    post, path = "/api/v1/widget/events", tag = "Widget API",
    params(("website_token" = String, Query)),
    request_body = WidgetEventParams,
    responses((status = 204)),
    extensions(("x-onechat-access" = json!("widget"))),
)]
async fn events(
    State(state): State<AppState>,
    client: Ip,
    caller: WidgetCaller,
    headers: HeaderMap,
    Body(params): Body<WidgetEventParams>,
) -> Result<Response, ApiError> {
    throttle(&state, ip(&client), "widget-events")?;
    let name = params.name.unwrap_or_default();
    widget::campaigns::event(
        &state.services,
        caller.token(),
        caller.auth(),
        &name,
        &params.event_info.unwrap_or_else(|| json!({})),
        &visitor(&headers),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
