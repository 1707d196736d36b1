//! `/api/v1/accounts/{account_id}/inboxes` and the inbox's agent bot.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::{agent_bots, inboxes};
use onechat_core::wire::agent_bot::{InboxAgentBot, SetAgentBotParams};
use onechat_core::wire::envelope::Payload;
use onechat_core::wire::inbox::{Inbox, InboxParams};
use serde_json::{Value, json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Body, Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for InboxParams {
    const KEY: &'static str = "inbox";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
        .routes(routes!(agent_bot))
        .routes(routes!(set_agent_bot))
}

/// Lists the inboxes the caller may see.
#[utoipa::path(
    get, path = "/inboxes", tag = "Inboxes",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<Inbox>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Payload<Vec<Inbox>>>, ApiError> {
    Ok(Json(Payload::new(
        inboxes::list(&state.services, &scope).await?,
    )))
}

/// Creates a website (`channel.type = web_widget`) or API (`api`) inbox.
#[utoipa::path(
    post, path = "/inboxes", tag = "Inboxes",
    params(("account_id" = i64, Path)),
    request_body = InboxParams,
    responses((status = 200, body = Inbox)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<InboxParams>,
) -> Result<Json<Inbox>, ApiError> {
    Ok(Json(
        inboxes::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows an inbox.
#[utoipa::path(
    get, path = "/inboxes/{id}", tag = "Inboxes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Inbox)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Inbox>, ApiError> {
    Ok(Json(inboxes::show(&state.services, &scope, id).await?))
}

/// Changes an inbox, its channel settings and business hours.
#[utoipa::path(
    patch, path = "/inboxes/{id}", tag = "Inboxes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = InboxParams,
    responses((status = 200, body = Inbox)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<InboxParams>,
) -> Result<Json<Inbox>, ApiError> {
    Ok(Json(
        inboxes::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes an inbox and its conversations.
#[utoipa::path(
    delete, path = "/inboxes/{id}", tag = "Inboxes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Object)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Value>, ApiError> {
    inboxes::delete(&state.services, &scope, id).await?;
    Ok(Json(json!({ "message": "The inbox has been deleted." })))
}

/// The agent bot attached to an inbox.
#[utoipa::path(
    get, path = "/inboxes/{id}/agent_bot", tag = "Inboxes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = InboxAgentBot)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn agent_bot(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<InboxAgentBot>, ApiError> {
    Ok(Json(InboxAgentBot {
        agent_bot: agent_bots::for_inbox(&state.services, &scope, id).await?,
    }))
}

/// Attaches an agent bot to an inbox (`agent_bot: null` detaches).
#[utoipa::path(
    post, path = "/inboxes/{id}/set_agent_bot", tag = "Inboxes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = SetAgentBotParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn set_agent_bot(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<SetAgentBotParams>,
) -> Result<(), ApiError> {
    Ok(agent_bots::set_for_inbox(&state.services, &scope, id, params.agent_bot).await?)
}
