//! `POST /contacts/import` (Chatwoot's multipart `import_file`) and the import's progress and
//! failed records (`/data_imports/{id}`), for administrators. The rows are processed in the
//! background; the answer carries the import so clients can follow it.

use axum::Json;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use onechat_core::services::contacts::import;
use onechat_core::services::uploads::Upload;
use onechat_core::wire::data_import::DataImport;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::scope::UserScope;
use crate::state::AppState;

/// The request body limit of the upload: the file plus room for the multipart framing.
/// Larger bodies stop being read at this size (413) instead of the server-wide limit.
pub const BODY_LIMIT: usize = import::MAX_FILE_BYTES + 64 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .routes(routes!(show))
        .routes(routes!(failed_records))
}

/// The multipart field holding the CSV (Chatwoot's name).
const FILE_FIELD: &str = "import_file";

/// The `import_file` of a multipart body, if any. A body over the limit is a 413.
pub async fn read_import_file(
    request: Request,
    state: &AppState,
) -> Result<Option<Upload>, ApiError> {
    let broken = |e: axum::extract::multipart::MultipartError| {
        ApiError::BadRequest(e.status(), e.body_text())
    };
    let mut form = Multipart::from_request(request, state)
        .await
        .map_err(|e| ApiError::BadRequest(StatusCode::UNPROCESSABLE_ENTITY, e.body_text()))?;
    while let Some(field) = form.next_field().await.map_err(broken)? {
        if field.name() != Some(FILE_FIELD) {
            continue;
        }
        let file_name = field.file_name().unwrap_or("contacts.csv").to_owned();
        let content_type = field.content_type().map(str::to_owned);
        let bytes = field.bytes().await.map_err(broken)?;
        return Ok(Some(Upload {
            file_name,
            content_type,
            bytes: bytes.to_vec(),
        }));
    }
    Ok(None)
}

/// 413 with Chatwoot's `{"error": …}` body.
pub fn too_large() -> ApiError {
    ApiError::BadRequest(StatusCode::PAYLOAD_TOO_LARGE, import::too_large())
}

/// Uploads a CSV of contacts (multipart `import_file`, at most 5 MB). The file is checked at
/// once (422 `{"error": …}` saying what is wrong); its rows are then imported in the
/// background: follow them at `GET /data_imports/{id}`.
#[utoipa::path(
    post, path = "/contacts/import", tag = "Contacts",
    params(("account_id" = i64, Path)),
    request_body(content_type = "multipart/form-data", description = "`import_file`: the CSV"),
    responses(
        (status = 200, body = DataImport),
        (status = 413, description = "The file is larger than 5 MB"),
        (status = 422, description = "No file, or not a usable CSV"),
    ),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    request: Request,
) -> Result<Json<DataImport>, ApiError> {
    // Refuse agents before reading a possibly large body.
    scope.require_admin()?;
    let is_multipart = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    let upload = if is_multipart {
        read_import_file(request, &state).await?
    } else {
        None
    };
    let upload =
        upload.ok_or_else(|| onechat_core::Error::Unprocessable("File is blank".into()))?;
    if upload.bytes.len() > import::MAX_FILE_BYTES {
        return Err(too_large());
    }
    let created = import::create(&state.services, &scope, &upload).await?;
    import::start(&state.services, created.id);
    Ok(Json(created))
}

/// An import's progress, then its report: rows created, updated and rejected (the first
/// rejected rows with their reasons, and a download of them all).
#[utoipa::path(
    get, path = "/data_imports/{id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = DataImport)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<DataImport>, ApiError> {
    Ok(Json(import::show(&state.services, &scope, id).await?))
}

/// The rejected rows as CSV: the file's columns and an `errors` column. Fix them and import
/// the file again (the `errors` column is ignored). 404 when nothing was rejected.
#[utoipa::path(
    get, path = "/data_imports/{id}/failed_records", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, content_type = "text/csv", body = String)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn failed_records(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Response, ApiError> {
    let shown = import::show(&state.services, &scope, id).await?;
    if shown.rejected_records == 0 {
        return Err(onechat_core::Error::NotFound.into());
    }
    let signature = import::failed_records_signature(&state.services, scope.account_id, id);
    let bytes = import::failed_records(&state.services, scope.account_id, id, &signature).await?;
    Ok(csv_download(bytes, "failed-records.csv"))
}

/// A CSV file sent as a download.
pub fn csv_download(bytes: Vec<u8>, file_name: &'static str) -> Response {
    let mut response = (StatusCode::OK, Body::from(bytes)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}
