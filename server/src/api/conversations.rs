//! `/api/v1/accounts/{account_id}/conversations` and the changes agents and bots make.

use axum::Json;
use axum::extract::{Path, State};
use axum_extra::extract::Query;
use onechat_core::services::conversations::{self, Assignment, ListParams};
use onechat_core::services::filters::FilterParams;
use onechat_core::services::inbox_members::Change;
use onechat_core::wire::agent::Agent;
use onechat_core::wire::conversation::{
    Conversation, CreateConversationParams, ListMeta, SearchHit, SearchMeta, ToggleStatusParams,
    ToggleStatusResult,
};
use onechat_core::wire::envelope::{MetaPayload, Payload};
use onechat_core::wire::message::Attachment;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::Body;
use crate::http::scope::{AnyScope, UserScope};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(meta))
        .routes(routes!(search))
        .routes(routes!(filter))
        .routes(routes!(show, update, destroy))
        .routes(routes!(toggle_status))
        .routes(routes!(toggle_priority))
        .routes(routes!(assignments))
        .routes(routes!(labels, set_labels))
        .routes(routes!(custom_attributes))
        .routes(routes!(
            participants,
            add_participants,
            set_participants,
            remove_participants
        ))
        .routes(routes!(update_last_seen))
        .routes(routes!(unread))
        .routes(routes!(toggle_typing_status))
        .routes(routes!(mute))
        .routes(routes!(unmute))
        .routes(routes!(attachments))
}

/// `{data: {meta, payload}}` of the conversation list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationList {
    /// Counts and conversations.
    data: MetaPayload<ListMeta, Vec<Conversation>>,
}

/// `{meta}` of `/conversations/meta`.
#[derive(Debug, Serialize, ToSchema)]
pub struct MetaOnly {
    /// The tab counts.
    meta: ListMeta,
}

/// The conversation list with its tab counts (25 a page, newest activity first).
#[utoipa::path(
    get, path = "/conversations", tag = "Conversations",
    params(("account_id" = i64, Path), ListParams),
    responses((status = 200, body = ConversationList)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(params): Query<ListParams>,
) -> Result<Json<ConversationList>, ApiError> {
    let (meta, payload) = conversations::list(&state.services, &scope, &params).await?;
    Ok(Json(ConversationList {
        data: MetaPayload { meta, payload },
    }))
}

/// Only the tab counts of the list.
#[utoipa::path(
    get, path = "/conversations/meta", tag = "Conversations",
    params(("account_id" = i64, Path), ListParams),
    responses((status = 200, body = MetaOnly)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn meta(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(params): Query<ListParams>,
) -> Result<Json<MetaOnly>, ApiError> {
    Ok(Json(MetaOnly {
        meta: conversations::meta(&state.services, &scope, &params).await?,
    }))
}

/// Conversations whose incoming or outgoing messages contain `q`, with those messages.
#[utoipa::path(
    get, path = "/conversations/search", tag = "Conversations",
    params(("account_id" = i64, Path), ListParams),
    responses((status = 200, body = MetaPayload<SearchMeta, Vec<SearchHit>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn search(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(params): Query<ListParams>,
) -> Result<Json<MetaPayload<SearchMeta, Vec<SearchHit>>>, ApiError> {
    let (meta, payload) = conversations::search(&state.services, &scope, &params).await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// Conversations matching AND/OR conditions.
#[utoipa::path(
    post, path = "/conversations/filter", tag = "Conversations",
    params(("account_id" = i64, Path)),
    request_body = FilterParams,
    responses((status = 200, body = MetaPayload<ListMeta, Vec<Conversation>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn filter(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<FilterParams>,
) -> Result<Json<MetaPayload<ListMeta, Vec<Conversation>>>, ApiError> {
    let (meta, payload) = conversations::filter(&state.services, &scope, &params).await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// Starts a conversation with a contact, optionally with a first message.
#[utoipa::path(
    post, path = "/conversations", tag = "Conversations",
    params(("account_id" = i64, Path)),
    request_body = CreateConversationParams,
    responses((status = 200, body = Conversation)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn create(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Body(params): Body<CreateConversationParams>,
) -> Result<Json<Conversation>, ApiError> {
    Ok(Json(
        conversations::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows a conversation.
#[utoipa::path(
    get, path = "/conversations/{conversation_id}", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = Conversation)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Conversation>, ApiError> {
    Ok(Json(
        conversations::show(&state.services, &scope, id).await?,
    ))
}

/// `PATCH /conversations/{id}` and `toggle_priority` body.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct PriorityParams {
    /// low, medium, high, urgent; null or empty clears it.
    priority: Option<String>,
}

/// Changes a conversation (its priority).
#[utoipa::path(
    patch, path = "/conversations/{conversation_id}", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = PriorityParams,
    responses((status = 200, body = Conversation)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn update(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<PriorityParams>,
) -> Result<Json<Conversation>, ApiError> {
    Ok(Json(
        conversations::update_priority(&state.services, &scope, id, params.priority.as_deref())
            .await?,
    ))
}

/// Deletes a conversation with its messages.
#[utoipa::path(
    delete, path = "/conversations/{conversation_id}", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(conversations::delete(&state.services, &scope, id).await?)
}

/// Sets the status, or toggles open and resolved.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/toggle_status", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = ToggleStatusParams,
    responses((status = 200, body = ToggleStatusResult)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn toggle_status(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<ToggleStatusParams>,
) -> Result<Json<ToggleStatusResult>, ApiError> {
    Ok(Json(
        conversations::toggle_status(&state.services, &scope, id, &params).await?,
    ))
}

/// Sets or clears the priority.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/toggle_priority", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = PriorityParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn toggle_priority(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<PriorityParams>,
) -> Result<(), ApiError> {
    conversations::toggle_priority(&state.services, &scope, id, params.priority.as_deref()).await?;
    Ok(())
}

/// Assigns an agent (`assignee_id`), an agent bot (`assignee_type: AgentBot`) or a team
/// (`team_id`); null unassigns.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/assignments", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = conversations::AssignmentParams,
    responses((status = 200, body = Option<Assignment>)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn assignments(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<conversations::AssignmentParams>,
) -> Result<Json<Option<Assignment>>, ApiError> {
    Ok(Json(
        conversations::assign(&state.services, &scope, id, &params).await?,
    ))
}

/// The conversation's labels.
#[utoipa::path(
    get, path = "/conversations/{conversation_id}/labels", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<String>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn labels(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Vec<String>>>, ApiError> {
    Ok(Json(Payload::new(
        conversations::labels(&state.services, &scope, id).await?,
    )))
}

/// `labels` body.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LabelsParams {
    /// The labels (replaces the current ones).
    #[serde(default)]
    labels: Vec<String>,
}

/// Replaces the conversation's labels.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/labels", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = LabelsParams,
    responses((status = 200, body = Payload<Vec<String>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn set_labels(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<LabelsParams>,
) -> Result<Json<Payload<Vec<String>>>, ApiError> {
    Ok(Json(Payload::new(
        conversations::set_labels(&state.services, &scope, id, &params.labels).await?,
    )))
}

/// `custom_attributes` body and answer.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct CustomAttributes {
    /// The whole set (replaces the current one).
    #[schema(value_type = Object)]
    custom_attributes: Option<Value>,
}

/// Replaces the conversation's custom attributes.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/custom_attributes", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = CustomAttributes,
    responses((status = 200, body = CustomAttributes)),
    extensions(("x-onechat-access" = json!("bot"))),
)]
async fn custom_attributes(
    State(state): State<AppState>,
    AnyScope(scope): AnyScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<CustomAttributes>,
) -> Result<Json<CustomAttributes>, ApiError> {
    let stored =
        conversations::set_custom_attributes(&state.services, &scope, id, params.custom_attributes)
            .await?;
    Ok(Json(CustomAttributes {
        custom_attributes: Some(stored),
    }))
}

/// `participants` body.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ParticipantsParams {
    /// The agents.
    #[serde(default)]
    user_ids: Vec<i64>,
}

/// The agents following the conversation.
#[utoipa::path(
    get, path = "/conversations/{conversation_id}/participants", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn participants(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        conversations::participants(&state.services, &scope, id).await?,
    ))
}

/// Adds participants.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/participants", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = ParticipantsParams,
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn add_participants(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<ParticipantsParams>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        conversations::set_participants(&state.services, &scope, id, &params.user_ids, Change::Add)
            .await?,
    ))
}

/// Makes the participants exactly these.
#[utoipa::path(
    patch, path = "/conversations/{conversation_id}/participants", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = ParticipantsParams,
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn set_participants(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<ParticipantsParams>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        conversations::set_participants(&state.services, &scope, id, &params.user_ids, Change::Set)
            .await?,
    ))
}

/// Removes participants.
#[utoipa::path(
    delete, path = "/conversations/{conversation_id}/participants", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = ParticipantsParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn remove_participants(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<ParticipantsParams>,
) -> Result<(), ApiError> {
    conversations::set_participants(
        &state.services,
        &scope,
        id,
        &params.user_ids,
        Change::Remove,
    )
    .await?;
    Ok(())
}

/// Marks the conversation read by the agents.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/update_last_seen", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = Conversation)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update_last_seen(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Conversation>, ApiError> {
    Ok(Json(
        conversations::update_last_seen(&state.services, &scope, id).await?,
    ))
}

/// Marks the conversation unread.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/unread", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200, body = Conversation)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn unread(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Conversation>, ApiError> {
    Ok(Json(
        conversations::mark_unread(&state.services, &scope, id).await?,
    ))
}

/// Body of `toggle_typing_status`.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TypingStatusParams {
    /// `on` or `off`.
    typing_status: Option<String>,
    /// Typing a private note: only agents are told.
    #[serde(default)]
    is_private: bool,
}

/// The agent started or stopped typing; everyone else on the conversation is told over
/// `/cable`.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/toggle_typing_status", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    request_body = TypingStatusParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn toggle_typing_status(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<TypingStatusParams>,
) -> Result<(), ApiError> {
    Ok(conversations::toggle_typing(
        &state.services,
        &scope,
        id,
        params.typing_status.as_deref(),
        params.is_private,
    )
    .await?)
}

/// Mutes: resolves and blocks the contact.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/mute", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn mute(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(conversations::mute(&state.services, &scope, id).await?)
}

/// Unmutes: unblocks the contact.
#[utoipa::path(
    post, path = "/conversations/{conversation_id}/unmute", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn unmute(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(conversations::unmute(&state.services, &scope, id).await?)
}

/// `meta` of the attachments list.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentsMeta {
    /// Attachments in the conversation.
    total_count: i64,
}

/// `GET …/attachments` query.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page (100 each).
    page: Option<i64>,
}

/// The conversation's attachments, newest first.
#[utoipa::path(
    get, path = "/conversations/{conversation_id}/attachments", tag = "Conversations",
    params(("account_id" = i64, Path), ("conversation_id" = i64, Path), PageQuery),
    responses((status = 200, body = MetaPayload<AttachmentsMeta, Vec<Attachment>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn attachments(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Query(query): Query<PageQuery>,
) -> Result<Json<MetaPayload<AttachmentsMeta, Vec<Attachment>>>, ApiError> {
    let (total_count, payload) =
        conversations::attachments(&state.services, &scope, id, query.page).await?;
    Ok(Json(MetaPayload {
        meta: AttachmentsMeta { total_count },
        payload,
    }))
}
