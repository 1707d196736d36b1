//! `/api/v1/accounts/{account_id}/custom_filters`: the caller's saved filters (conversation
//! folders, contact segments, report filters).

use axum::Json;
use axum::extract::{Path, Query, State};
use onechat_core::Error;
use onechat_core::services::custom_filters::{self, CustomFilter, CustomFilterParams, FilterType};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for CustomFilterParams {
    const KEY: &'static str = "custom_filter";
}

/// `?filter_type=…`.
#[derive(Debug, Default, Deserialize)]
struct TypeQuery {
    filter_type: Option<String>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
}

/// Lists the caller's saved filters of one type (conversation unless asked), oldest first.
#[utoipa::path(
    get, path = "/custom_filters", tag = "Custom filters",
    params(
        ("account_id" = i64, Path),
        ("filter_type" = Option<String>, Query,
            description = "conversation (default), contact or report; 0-2 also accepted"),
    ),
    responses(
        (status = 200, body = Vec<CustomFilter>),
        (status = 422, description = "Unknown filter_type: `{\"error\": …}`"),
    ),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<TypeQuery>,
) -> Result<Json<Vec<CustomFilter>>, ApiError> {
    let filter_type = match query.filter_type.as_deref().map(str::trim) {
        None | Some("") => FilterType::Conversation,
        Some(name) => FilterType::parse(name)
            .ok_or_else(|| Error::Unprocessable(format!("'{name}' is not a valid filter_type")))?,
    };
    Ok(Json(
        custom_filters::list(&state.services, &scope, filter_type).await?,
    ))
}

/// Saves a filter for the caller. The query must be one the filter API accepts.
#[utoipa::path(
    post, path = "/custom_filters", tag = "Custom filters",
    params(("account_id" = i64, Path)),
    request_body = CustomFilterParams,
    responses(
        (status = 200, body = CustomFilter),
        (status = 422, description = "Missing name, unknown filter_type or a query the \
            filter API refuses: `{\"message\": …, \"attributes\": [\"name\", …]}`"),
    ),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<CustomFilterParams>,
) -> Result<Json<CustomFilter>, ApiError> {
    Ok(Json(
        custom_filters::create(&state.services, &scope, &params).await?,
    ))
}

/// One of the caller's saved filters (another user's answers 404).
#[utoipa::path(
    get, path = "/custom_filters/{id}", tag = "Custom filters",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = CustomFilter), (status = 404)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<CustomFilter>, ApiError> {
    Ok(Json(
        custom_filters::show(&state.services, &scope, id).await?,
    ))
}

/// Changes one of the caller's saved filters; absent fields keep their value.
#[utoipa::path(
    patch, path = "/custom_filters/{id}", tag = "Custom filters",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = CustomFilterParams,
    responses((status = 200, body = CustomFilter), (status = 404), (status = 422)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<CustomFilterParams>,
) -> Result<Json<CustomFilter>, ApiError> {
    Ok(Json(
        custom_filters::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes one of the caller's saved filters.
#[utoipa::path(
    delete, path = "/custom_filters/{id}", tag = "Custom filters",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200), (status = 404)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(custom_filters::delete(&state.services, &scope, id).await?)
}
