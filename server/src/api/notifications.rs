//! `/api/v1/accounts/{account_id}/notifications`: the signed-in agent's own notifications.

use axum::Json;
use axum::extract::{Path, Query, State};
use onechat_core::services::notifications;
use onechat_core::wire::envelope::Data;
use onechat_core::wire::notification::{Notification, NotificationPage, ReadAllParams};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::Body;
use crate::http::scope::UserScope;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index))
        .routes(routes!(unread_count))
        .routes(routes!(read_all))
        .routes(routes!(mark_read, destroy))
        .routes(routes!(mark_unread))
}

#[derive(Deserialize, utoipa::IntoParams)]
struct PageQuery {
    page: Option<i64>,
}

/// The caller's notifications, most recent first, 15 a page.
#[utoipa::path(
    get, path = "/notifications", tag = "Notifications",
    params(("account_id" = i64, Path), PageQuery),
    responses((status = 200, body = Data<NotificationPage>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<PageQuery>,
) -> Result<Json<Data<NotificationPage>>, ApiError> {
    Ok(Json(Data::new(
        notifications::list(&state.services, &scope, query.page.unwrap_or(1)).await?,
    )))
}

/// How many of the caller's notifications are unread (a bare number).
#[utoipa::path(
    get, path = "/notifications/unread_count", tag = "Notifications",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = i64)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn unread_count(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<i64>, ApiError> {
    Ok(Json(
        notifications::unread_count(&state.services, &scope).await?,
    ))
}

/// Marks the caller's notifications read (all, or those of one conversation).
#[utoipa::path(
    post, path = "/notifications/read_all", tag = "Notifications",
    params(("account_id" = i64, Path)),
    request_body = ReadAllParams,
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn read_all(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<ReadAllParams>,
) -> Result<(), ApiError> {
    Ok(notifications::read_all(&state.services, &scope, &params).await?)
}

/// Marks a notification read.
#[utoipa::path(
    patch, path = "/notifications/{id}", tag = "Notifications",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Notification)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn mark_read(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Notification>, ApiError> {
    Ok(Json(
        notifications::set_read(&state.services, &scope, id, true).await?,
    ))
}

/// Marks a notification unread.
#[utoipa::path(
    post, path = "/notifications/{id}/unread", tag = "Notifications",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Notification)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn mark_unread(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Notification>, ApiError> {
    Ok(Json(
        notifications::set_read(&state.services, &scope, id, false).await?,
    ))
}

/// Deletes a notification.
#[utoipa::path(
    delete, path = "/notifications/{id}", tag = "Notifications",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(notifications::delete(&state.services, &scope, id).await?)
}
