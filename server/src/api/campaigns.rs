//! `/api/v1/accounts/{account_id}/campaigns`: administrators manage campaigns.

use axum::Json;
use axum::extract::{Path, State};
use onechat_core::services::campaigns;
use onechat_core::wire::campaign::{Campaign, CampaignParams};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for CampaignParams {
    const KEY: &'static str = "campaign";
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
}

/// Lists the account's campaigns.
#[utoipa::path(
    get, path = "/campaigns", tag = "Campaigns",
    params(("account_id" = i64, Path)),
    responses((status = 200, body = Vec<Campaign>)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
) -> Result<Json<Vec<Campaign>>, ApiError> {
    Ok(Json(campaigns::list(&state.services, &scope).await?))
}

/// Creates a campaign (Website inboxes run ongoing campaigns).
#[utoipa::path(
    post, path = "/campaigns", tag = "Campaigns",
    params(("account_id" = i64, Path)),
    request_body = CampaignParams,
    responses((status = 200, body = Campaign)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<CampaignParams>,
) -> Result<Json<Campaign>, ApiError> {
    Ok(Json(
        campaigns::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows a campaign.
#[utoipa::path(
    get, path = "/campaigns/{id}", tag = "Campaigns",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Campaign)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Campaign>, ApiError> {
    Ok(Json(campaigns::show(&state.services, &scope, id).await?))
}

/// Changes a campaign.
#[utoipa::path(
    patch, path = "/campaigns/{id}", tag = "Campaigns",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = CampaignParams,
    responses((status = 200, body = Campaign)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<CampaignParams>,
) -> Result<Json<Campaign>, ApiError> {
    Ok(Json(
        campaigns::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes a campaign.
#[utoipa::path(
    delete, path = "/campaigns/{id}", tag = "Campaigns",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(campaigns::delete(&state.services, &scope, id).await?)
}
