//! `/api/v1/accounts/{account_id}/inbox_members`.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::inbox_members::{self, Change};
use onechat_core::wire::agent::Agent;
use onechat_core::wire::envelope::Payload;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::Body;
use crate::http::scope::UserScope;
use crate::state::AppState;

/// The body of the member changes.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MembersParams {
    /// The inbox.
    inbox_id: Option<i64>,
    /// The users.
    #[serde(default)]
    user_ids: Vec<i64>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index))
        .routes(routes!(create, update, destroy))
}

/// The agents of an inbox.
#[utoipa::path(
    get, path = "/inbox_members/{inbox_id}", tag = "Inboxes",
    params(("account_id" = i64, Path), ("inbox_id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<Agent>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, inbox_id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Vec<Agent>>>, ApiError> {
    Ok(Json(Payload::new(
        inbox_members::list(&state.services, &scope, inbox_id).await?,
    )))
}

async fn change(
    state: &AppState,
    scope: &onechat_core::services::access::Scope,
    params: MembersParams,
    how: Change,
) -> Result<Vec<Agent>, ApiError> {
    scope.require_admin()?;
    let inbox_id = params
        .inbox_id
        .ok_or_else(|| onechat_core::Error::MissingParam("inbox_id".into()))?;
    Ok(inbox_members::change(&state.services, scope, inbox_id, &params.user_ids, how).await?)
}

/// Adds agents to an inbox.
#[utoipa::path(
    post, path = "/inbox_members", tag = "Inboxes",
    params(("account_id" = i64, Path)),
    request_body = MembersParams,
    responses((status = 200, body = Payload<Vec<Agent>>)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<MembersParams>,
) -> Result<Json<Payload<Vec<Agent>>>, ApiError> {
    Ok(Json(Payload::new(
        change(&state, &scope, params, Change::Add).await?,
    )))
}

/// Makes an inbox's agents exactly these.
#[utoipa::path(
    patch, path = "/inbox_members", tag = "Inboxes",
    params(("account_id" = i64, Path)),
    request_body = MembersParams,
    responses((status = 200, body = Payload<Vec<Agent>>)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<MembersParams>,
) -> Result<Json<Payload<Vec<Agent>>>, ApiError> {
    Ok(Json(Payload::new(
        change(&state, &scope, params, Change::Set).await?,
    )))
}

/// Removes agents from an inbox.
#[utoipa::path(
    delete, path = "/inbox_members", tag = "Inboxes",
    params(("account_id" = i64, Path)),
    request_body = MembersParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<MembersParams>,
) -> Result<(), ApiError> {
    change(&state, &scope, params, Change::Remove).await?;
    Ok(())
}
