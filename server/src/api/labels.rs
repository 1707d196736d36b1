//! `/api/v1/accounts/{account_id}/labels`.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::labels;
use onechat_core::wire::envelope::Payload;
use onechat_core::wire::label::{Label, LabelParams};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for LabelParams {
    const KEY: &'static str = "label";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
}

/// Lists the account's labels.
#[utoipa::path(
    get, path = "/labels", tag = "Labels",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<Label>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Payload<Vec<Label>>>, ApiError> {
    Ok(Json(Payload::new(
        labels::list(&state.services, &scope).await?,
    )))
}

/// Creates a label.
#[utoipa::path(
    post, path = "/labels", tag = "Labels",
    params(("account_id" = i64, Path)),
    request_body = LabelParams,
    responses((status = 200, body = Label)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<LabelParams>,
) -> Result<Json<Label>, ApiError> {
    Ok(Json(
        labels::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows a label.
#[utoipa::path(
    get, path = "/labels/{id}", tag = "Labels",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Label)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Label>, ApiError> {
    Ok(Json(labels::show(&state.services, &scope, id).await?))
}

/// Changes a label.
#[utoipa::path(
    patch, path = "/labels/{id}", tag = "Labels",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = LabelParams,
    responses((status = 200, body = Label)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<LabelParams>,
) -> Result<Json<Label>, ApiError> {
    Ok(Json(
        labels::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes a label definition.
#[utoipa::path(
    delete, path = "/labels/{id}", tag = "Labels",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(labels::delete(&state.services, &scope, id).await?)
}
