//! `/api/v1/accounts/{account_id}/agent_bots`.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::agent_bots;
use onechat_core::wire::agent_bot::{AgentBot, AgentBotParams};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for AgentBotParams {
    const KEY: &'static str = "agent_bot";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
        .routes(routes!(reset_access_token))
}

/// The account's agent bots and the system bots.
#[utoipa::path(
    get, path = "/agent_bots", tag = "Agent bots",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Vec<AgentBot>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Vec<AgentBot>>, ApiError> {
    Ok(Json(agent_bots::list(&state.services, &scope).await?))
}

/// Creates an agent bot with its access token.
#[utoipa::path(
    post, path = "/agent_bots", tag = "Agent bots",
    params(("account_id" = i64, Path)),
    request_body = AgentBotParams,
    responses((status = 200, body = AgentBot)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<AgentBotParams>,
) -> Result<Json<AgentBot>, ApiError> {
    Ok(Json(
        agent_bots::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows an agent bot.
#[utoipa::path(
    get, path = "/agent_bots/{id}", tag = "Agent bots",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = AgentBot)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<AgentBot>, ApiError> {
    Ok(Json(agent_bots::show(&state.services, &scope, id).await?))
}

/// Changes an agent bot.
#[utoipa::path(
    patch, path = "/agent_bots/{id}", tag = "Agent bots",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = AgentBotParams,
    responses((status = 200, body = AgentBot)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<AgentBotParams>,
) -> Result<Json<AgentBot>, ApiError> {
    Ok(Json(
        agent_bots::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes an agent bot.
#[utoipa::path(
    delete, path = "/agent_bots/{id}", tag = "Agent bots",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(agent_bots::delete(&state.services, &scope, id).await?)
}

/// Gives an agent bot a new access token.
#[utoipa::path(
    post, path = "/agent_bots/{id}/reset_access_token", tag = "Agent bots",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = AgentBot)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn reset_access_token(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<AgentBot>, ApiError> {
    Ok(Json(
        agent_bots::reset_access_token(&state.services, &scope, id).await?,
    ))
}
