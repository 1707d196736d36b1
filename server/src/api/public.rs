//! The client API, `/public/api/v1/inboxes/{inbox_identifier}/…`: no credentials, the inbox
//! identifier and the contact's source id are the secrets. Open to any origin (CORS), with
//! per-address limits on creations.

use axum::extract::{Path, Request, State};
use axum::{Extension, Json};
use axum_extra::extract::Query;
use onechat_core::services::auth::ClientIp;
use onechat_core::services::public_api;
use onechat_core::wire::public::{
    PublicContact, PublicContactParams, PublicConversation, PublicConversationParams, PublicInbox,
    PublicMessage, RawContact, SubmittedValuesParams, TypingParams,
};
use serde::Deserialize;
use tower_http::cors::{Any, CorsLayer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::Body;
use crate::http::throttle::throttle;
use crate::state::AppState;

use super::messages::read_message;

type Ip = Option<Extension<ClientIp>>;

fn ip(ip: &Ip) -> Option<&ClientIp> {
    ip.as_ref().map(|Extension(ip)| ip)
}

pub fn router() -> OpenApiRouter<AppState> {
    let routes = OpenApiRouter::new()
        .routes(routes!(show_inbox))
        .routes(routes!(create_contact))
        .routes(routes!(show_contact, update_contact))
        .routes(routes!(list_conversations, create_conversation))
        .routes(routes!(show_conversation))
        .routes(routes!(toggle_status))
        .routes(routes!(toggle_typing))
        .routes(routes!(update_last_seen))
        .routes(routes!(list_messages, create_message))
        .routes(routes!(update_message));
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods(Any)
        .allow_headers(Any);
    routes.layer(cors)
}

/// The inbox's public details.
#[utoipa::path(
    get, path = "/public/api/v1/inboxes/{inbox_identifier}", tag = "Client API",
    params(("inbox_identifier" = String, Path)),
    responses((status = 200, body = PublicInbox)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn show_inbox(
    State(state): State<AppState>,
    Path(inbox): Path<String>,
) -> Result<Json<PublicInbox>, ApiError> {
    Ok(Json(public_api::show_inbox(&state.services, &inbox).await?))
}

/// Creates a contact (its `source_id` and `pubsub_token` identify the session from now on).
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts", tag = "Client API",
    params(("inbox_identifier" = String, Path)),
    request_body = PublicContactParams,
    responses((status = 200, body = PublicContact)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn create_contact(
    State(state): State<AppState>,
    client: Ip,
    Path(inbox): Path<String>,
    Body(params): Body<PublicContactParams>,
) -> Result<Json<PublicContact>, ApiError> {
    throttle(&state, ip(&client), "public-contacts")?;
    Ok(Json(
        public_api::create_contact(&state.services, &inbox, &params).await?,
    ))
}

/// The contact of a session.
#[utoipa::path(
    get, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path)),
    responses((status = 200, body = PublicContact)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn show_contact(
    State(state): State<AppState>,
    Path((inbox, contact)): Path<(String, String)>,
) -> Result<Json<PublicContact>, ApiError> {
    Ok(Json(
        public_api::show_contact(&state.services, &inbox, &contact).await?,
    ))
}

/// Updates the contact of a session (may merge it with a known contact).
#[utoipa::path(
    patch, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path)),
    request_body = PublicContactParams,
    responses((status = 200, body = RawContact)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn update_contact(
    State(state): State<AppState>,
    Path((inbox, contact)): Path<(String, String)>,
    Body(params): Body<PublicContactParams>,
) -> Result<Json<RawContact>, ApiError> {
    Ok(Json(
        public_api::update_contact(&state.services, &inbox, &contact, &params).await?,
    ))
}

/// The contact's conversations.
#[utoipa::path(
    get, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path)),
    responses((status = 200, body = Vec<PublicConversation>)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn list_conversations(
    State(state): State<AppState>,
    Path((inbox, contact)): Path<(String, String)>,
) -> Result<Json<Vec<PublicConversation>>, ApiError> {
    Ok(Json(
        public_api::list_conversations(&state.services, &inbox, &contact).await?,
    ))
}

/// Starts a conversation.
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path)),
    request_body = PublicConversationParams,
    responses((status = 200, body = PublicConversation)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn create_conversation(
    State(state): State<AppState>,
    client: Ip,
    Path((inbox, contact)): Path<(String, String)>,
    Body(params): Body<PublicConversationParams>,
) -> Result<Json<PublicConversation>, ApiError> {
    throttle(&state, ip(&client), "public-conversations")?;
    Ok(Json(
        public_api::create_conversation(&state.services, &inbox, &contact, &params).await?,
    ))
}

/// One of the contact's conversations.
#[utoipa::path(
    get, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = PublicConversation)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn show_conversation(
    State(state): State<AppState>,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
) -> Result<Json<PublicConversation>, ApiError> {
    Ok(Json(
        public_api::show_conversation(&state.services, &inbox, &contact, id).await?,
    ))
}

/// The contact resolves the conversation.
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_status", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = PublicConversation)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn toggle_status(
    State(state): State<AppState>,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
) -> Result<Json<PublicConversation>, ApiError> {
    Ok(Json(
        public_api::resolve(&state.services, &inbox, &contact, id).await?,
    ))
}

/// The contact started or stopped typing.
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/toggle_typing", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path)),
    request_body = TypingParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn toggle_typing(
    State(state): State<AppState>,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
    Body(params): Body<TypingParams>,
) -> Result<(), ApiError> {
    Ok(public_api::typing(
        &state.services,
        &inbox,
        &contact,
        id,
        params.typing_status.as_deref(),
    )
    .await?)
}

/// The contact has read the conversation.
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/update_last_seen", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn update_last_seen(
    State(state): State<AppState>,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
) -> Result<(), ApiError> {
    Ok(public_api::update_last_seen(&state.services, &inbox, &contact, id).await?)
}

/// `GET …/messages` query.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BeforeQuery {
    /// The 20 messages before this id.
    before: Option<i64>,
}

/// The conversation's messages the contact may see (no private notes or activity lines).
#[utoipa::path(
    get, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path), BeforeQuery),
    responses((status = 200, body = Vec<PublicMessage>)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn list_messages(
    State(state): State<AppState>,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
    Query(query): Query<BeforeQuery>,
) -> Result<Json<Vec<PublicMessage>>, ApiError> {
    Ok(Json(
        public_api::list_messages(&state.services, &inbox, &contact, id, query.before).await?,
    ))
}

/// The contact sends a message (JSON, or multipart with `attachments[]`).
#[utoipa::path(
    post, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path)),
    request_body = onechat_core::wire::message::MessageParams,
    responses((status = 200, body = PublicMessage)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn create_message(
    State(state): State<AppState>,
    client: Ip,
    Path((inbox, contact, id)): Path<(String, String, i64)>,
    request: Request,
) -> Result<Json<PublicMessage>, ApiError> {
    throttle(&state, ip(&client), "public-messages")?;
    let (params, files) = read_message(request, &state).await?;
    Ok(Json(
        public_api::create_message(
            &state.services,
            &inbox,
            &contact,
            id,
            params.content,
            params.echo_id,
            files,
        )
        .await?,
    ))
}

/// The contact answers an interactive message or the CSAT survey.
#[utoipa::path(
    patch, path = "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages/{message_id}", tag = "Client API",
    params(("inbox_identifier" = String, Path), ("contact_identifier" = String, Path), ("conversation_id" = i64, Path), ("message_id" = i64, Path)),
    request_body = SubmittedValuesParams,
    responses((status = 200, body = PublicMessage)),
    extensions(("x-onechat-access" = json!("public"))),
)]
async fn update_message(
    State(state): State<AppState>,
    Path((inbox, contact, id, message_id)): Path<(String, String, i64, i64)>,
    Body(params): Body<SubmittedValuesParams>,
) -> Result<Json<PublicMessage>, ApiError> {
    Ok(Json(
        public_api::submit_values(&state.services, &inbox, &contact, id, message_id, &params)
            .await?,
    ))
}
