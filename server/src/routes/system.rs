//! `GET /api` and `GET /health`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use onechat_core::wire::system::{ApiInfo, Health};

use crate::state::AppState;

fn status_word(ok: bool) -> String {
    if ok { "ok" } else { "failing" }.to_owned()
}

/// Version, server time and whether the database answers.
pub async fn api_info(State(state): State<AppState>) -> Json<ApiInfo> {
    let database_ok = state.services.db.ping().await.is_ok();
    Json(ApiInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        timestamp: chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        // Jobs and fan-out run in-process; nothing external can fail yet.
        queue_services: status_word(true),
        data_services: status_word(database_ok),
    })
}

/// 200 when the database answers, 503 otherwise: for load balancers and orchestrators.
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let ok = state.services.db.ping().await.is_ok();
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(Health {
            status: status_word(ok),
        }),
    )
}
