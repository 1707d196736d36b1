//! `/api/v1/accounts/{account_id}/custom_attribute_definitions`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use onechat_core::services::custom_attribute_definitions as definitions;
use onechat_core::wire::custom_attribute::{
    CustomAttributeDefinition, CustomAttributeDefinitionParams,
};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for CustomAttributeDefinitionParams {
    const KEY: &'static str = "custom_attribute_definition";
}

/// `?attribute_model=…`.
#[derive(Debug, Default, Deserialize)]
struct ModelQuery {
    attribute_model: Option<String>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(show, update, destroy))
}

/// Lists the account's custom attribute definitions, optionally of one model.
#[utoipa::path(
    get, path = "/custom_attribute_definitions", tag = "Custom attributes",
    params(
        ("account_id" = i64, Path),
        ("attribute_model" = Option<String>, Query,
            description = "`conversation_attribute`, `contact_attribute`, 0 or 1"),
    ),
    responses((status = 200, body = Vec<CustomAttributeDefinition>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<ModelQuery>,
) -> Result<Json<Vec<CustomAttributeDefinition>>, ApiError> {
    Ok(Json(
        definitions::list(&state.services, &scope, query.attribute_model.as_deref()).await?,
    ))
}

/// Creates a custom attribute definition.
#[utoipa::path(
    post, path = "/custom_attribute_definitions", tag = "Custom attributes",
    params(("account_id" = i64, Path)),
    request_body = CustomAttributeDefinitionParams,
    responses((status = 200, body = CustomAttributeDefinition)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<CustomAttributeDefinitionParams>,
) -> Result<Json<CustomAttributeDefinition>, ApiError> {
    Ok(Json(
        definitions::create(&state.services, &scope, &params).await?,
    ))
}

/// Shows a custom attribute definition.
#[utoipa::path(
    get, path = "/custom_attribute_definitions/{id}", tag = "Custom attributes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = CustomAttributeDefinition)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<CustomAttributeDefinition>, ApiError> {
    Ok(Json(definitions::show(&state.services, &scope, id).await?))
}

/// Changes a custom attribute definition.
#[utoipa::path(
    patch, path = "/custom_attribute_definitions/{id}", tag = "Custom attributes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = CustomAttributeDefinitionParams,
    responses((status = 200, body = CustomAttributeDefinition)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<CustomAttributeDefinitionParams>,
) -> Result<Json<CustomAttributeDefinition>, ApiError> {
    Ok(Json(
        definitions::update(&state.services, &scope, id, &params).await?,
    ))
}

/// Deletes a custom attribute definition (204, as Chatwoot); stored values stay.
#[utoipa::path(
    delete, path = "/custom_attribute_definitions/{id}", tag = "Custom attributes",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 204)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<StatusCode, ApiError> {
    definitions::delete(&state.services, &scope, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
