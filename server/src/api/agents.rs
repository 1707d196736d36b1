//! `/api/v1/accounts/{account_id}/agents` and `/assignable_agents`.

use axum::Json;
use axum::extract::{Path, State};
use axum_extra::extract::Query;
use onechat_core::services::agents;
use onechat_core::wire::agent::{Agent, AgentParams};
use onechat_core::wire::envelope::Payload;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for AgentParams {
    const KEY: &'static str = "agent";
}

/// `?inbox_ids[]=1&inbox_ids[]=2` (Rails' array form; `inbox_ids=1` works too).
#[derive(Debug, Default, Deserialize)]
struct AssignableQuery {
    #[serde(rename = "inbox_ids[]", alias = "inbox_ids", default)]
    inbox_ids: Vec<i64>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(update, destroy))
        .routes(routes!(assignable))
}

/// Lists the account's agents.
#[utoipa::path(
    get, path = "/agents", tag = "Agents",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(agents::list(&state.services, &scope).await?))
}

/// Invites someone to the account, or adds an existing user to it.
#[utoipa::path(
    post, path = "/agents", tag = "Agents",
    params(("account_id" = i64, Path)),
    request_body = AgentParams,
    responses((status = 200, body = Agent)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<AgentParams>,
) -> Result<Json<Agent>, ApiError> {
    Ok(Json(
        agents::create(&state.services, &scope, &params).await?,
    ))
}

/// Changes an agent's name, role or availability.
#[utoipa::path(
    patch, path = "/agents/{id}", tag = "Agents",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = AgentParams,
    responses((status = 200, body = Agent)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<AgentParams>,
) -> Result<Json<Agent>, ApiError> {
    Ok(Json(
        agents::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Removes an agent from the account: their teams and inboxes here go too, and their
/// conversations here become unassigned.
#[utoipa::path(
    delete, path = "/agents/{id}", tag = "Agents",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(agents::delete(&state.services, &scope, id).await?)
}

/// The agents who may take conversations of all the given inboxes: their common members
/// and the administrators.
#[utoipa::path(
    get, path = "/assignable_agents", tag = "Agents",
    params(
        ("account_id" = i64, Path),
        ("inbox_ids[]" = Option<Vec<i64>>, Query, description = "Inboxes, repeated"),
    ),
    responses((status = 200, body = Payload<Vec<Agent>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn assignable(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<AssignableQuery>,
) -> Result<Json<Payload<Vec<Agent>>>, ApiError> {
    Ok(Json(Payload::new(
        agents::assignable(&state.services, &scope, &query.inbox_ids).await?,
    )))
}
