//! `/api/v1/accounts/{account_id}/teams` and `/teams/{team_id}/team_members`.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::inbox_members::Change;
use onechat_core::services::teams;
use onechat_core::wire::agent::{Agent, Team, TeamMembersParams, TeamParams};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Body, Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for TeamParams {
    const KEY: &'static str = "team";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
        .routes(routes!(members, add_members, set_members, remove_members))
}

/// Lists the account's teams.
#[utoipa::path(
    get, path = "/teams", tag = "Teams",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Vec<Team>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Vec<Team>>, ApiError> {
    Ok(Json(teams::list(&state.services, &scope).await?))
}

/// Creates a team.
#[utoipa::path(
    post, path = "/teams", tag = "Teams",
    params(("account_id" = i64, Path)),
    request_body = TeamParams,
    responses((status = 200, body = Team)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<TeamParams>,
) -> Result<Json<Team>, ApiError> {
    Ok(Json(teams::create(&state.services, &scope, &params).await?))
}

/// Shows a team.
#[utoipa::path(
    get, path = "/teams/{id}", tag = "Teams",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Team)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Team>, ApiError> {
    Ok(Json(teams::show(&state.services, &scope, id).await?))
}

/// Changes a team.
#[utoipa::path(
    patch, path = "/teams/{id}", tag = "Teams",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = TeamParams,
    responses((status = 200, body = Team)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<TeamParams>,
) -> Result<Json<Team>, ApiError> {
    Ok(Json(
        teams::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes a team; its conversations stay, without a team.
#[utoipa::path(
    delete, path = "/teams/{id}", tag = "Teams",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(teams::delete(&state.services, &scope, id).await?)
}

/// Lists a team's members.
#[utoipa::path(
    get, path = "/teams/{team_id}/team_members", tag = "Teams",
    params(("account_id" = i64, Path), ("team_id" = i64, Path)),
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn members(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, team_id)): Path<(i64, i64)>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        teams::members(&state.services, &scope, team_id).await?,
    ))
}

/// Adds agents to a team; answers the agents named.
#[utoipa::path(
    post, path = "/teams/{team_id}/team_members", tag = "Teams",
    params(("account_id" = i64, Path), ("team_id" = i64, Path)),
    request_body = TeamMembersParams,
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn add_members(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, team_id)): Path<(i64, i64)>,
    Body(params): Body<TeamMembersParams>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        teams::change_members(
            &state.services,
            &scope,
            team_id,
            params.user_ids.as_deref(),
            Change::Add,
        )
        .await?,
    ))
}

/// Makes a team's members exactly the agents named.
#[utoipa::path(
    patch, path = "/teams/{team_id}/team_members", tag = "Teams",
    params(("account_id" = i64, Path), ("team_id" = i64, Path)),
    request_body = TeamMembersParams,
    responses((status = 200, body = Vec<Agent>)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn set_members(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, team_id)): Path<(i64, i64)>,
    Body(params): Body<TeamMembersParams>,
) -> Result<Json<Vec<Agent>>, ApiError> {
    Ok(Json(
        teams::change_members(
            &state.services,
            &scope,
            team_id,
            params.user_ids.as_deref(),
            Change::Set,
        )
        .await?,
    ))
}

/// Removes agents from a team.
#[utoipa::path(
    delete, path = "/teams/{team_id}/team_members", tag = "Teams",
    params(("account_id" = i64, Path), ("team_id" = i64, Path)),
    request_body = TeamMembersParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn remove_members(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, team_id)): Path<(i64, i64)>,
    Body(params): Body<TeamMembersParams>,
) -> Result<(), ApiError> {
    teams::change_members(
        &state.services,
        &scope,
        team_id,
        params.user_ids.as_deref(),
        Change::Remove,
    )
    .await?;
    Ok(())
}
