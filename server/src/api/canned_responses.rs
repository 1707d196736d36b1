//! `/api/v1/accounts/{account_id}/canned_responses`.

use axum::Json;
use axum::extract::{Path, Query, State};
use onechat_core::services::canned_responses;
use onechat_core::wire::canned_response::{CannedResponse, CannedResponseParams};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for CannedResponseParams {
    const KEY: &'static str = "canned_response";
}

/// `?search=…`.
#[derive(Debug, Default, Deserialize)]
struct SearchQuery {
    search: Option<String>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(update, destroy))
}

/// Lists the account's canned responses, or those matching `search` (short code or
/// content, ignoring case), best match first.
#[utoipa::path(
    get, path = "/canned_responses", tag = "Canned responses",
    params(
        ("account_id" = i64, Path),
        ("search" = Option<String>, Query, description = "Text in the short code or content"),
    ),
    responses((status = 200, body = Vec<CannedResponse>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<CannedResponse>>, ApiError> {
    Ok(Json(
        canned_responses::list(&state.services, &scope, query.search.as_deref()).await?,
    ))
}

/// Creates a canned response.
#[utoipa::path(
    post, path = "/canned_responses", tag = "Canned responses",
    params(("account_id" = i64, Path)),
    request_body = CannedResponseParams,
    responses((status = 200, body = CannedResponse)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<CannedResponseParams>,
) -> Result<Json<CannedResponse>, ApiError> {
    Ok(Json(
        canned_responses::create(&state.services, &scope, &params).await?,
    ))
}

/// Changes a canned response.
#[utoipa::path(
    patch, path = "/canned_responses/{id}", tag = "Canned responses",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = CannedResponseParams,
    responses((status = 200, body = CannedResponse)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<CannedResponseParams>,
) -> Result<Json<CannedResponse>, ApiError> {
    Ok(Json(
        canned_responses::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes a canned response.
#[utoipa::path(
    delete, path = "/canned_responses/{id}", tag = "Canned responses",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(canned_responses::delete(&state.services, &scope, id).await?)
}
