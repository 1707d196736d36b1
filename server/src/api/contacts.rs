//! `/api/v1/accounts/{account_id}/contacts` and its sub-resources, and `actions/contact_merge`.

use axum::Json;
use axum::extract::{Path, State};
use axum_extra::extract::Query;
use onechat_core::services::contacts::{self, ListParams};
use onechat_core::services::filters::FilterParams;
use onechat_core::wire::contact::{
    Contact, ContactInbox, ContactListMeta, ContactParams, CreatedContact, Note, NoteParams,
};
use onechat_core::wire::conversation::Conversation;
use onechat_core::wire::envelope::{MetaPayload, Payload};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::http::ApiError;
use crate::http::params::{Body, Params, ResourceKey};
use crate::http::scope::UserScope;
use crate::state::AppState;

impl ResourceKey for ContactParams {
    const KEY: &'static str = "contact";
}

impl ResourceKey for NoteParams {
    const KEY: &'static str = "note";
}

type ContactList = MetaPayload<ContactListMeta, Vec<Contact>>;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(index, create))
        .routes(routes!(search))
        .routes(routes!(filter))
        .routes(routes!(show, update, update_put, destroy))
        .routes(routes!(conversations))
        .routes(routes!(contactable_inboxes))
        .routes(routes!(add_contact_inbox))
        .routes(routes!(labels, set_labels))
        .routes(routes!(destroy_custom_attributes))
        .routes(routes!(notes, create_note))
        .routes(routes!(update_note, destroy_note))
        .routes(routes!(merge))
}

/// `GET /contacts` query.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndexQuery {
    /// 1-based page (15 contacts each).
    page: Option<i64>,
    /// name, email, phone_number, last_activity_at, created_at, company, city, country;
    /// `-` first for descending.
    sort: Option<String>,
    /// Any of these labels.
    #[serde(default, rename = "labels[]", alias = "labels")]
    labels: Vec<String>,
    /// Include `contact_inboxes` (default true).
    include_contact_inboxes: Option<bool>,
    /// The search text (`/contacts/search`).
    q: Option<String>,
}

impl IndexQuery {
    fn list_params(&self) -> ListParams {
        ListParams {
            page: self.page,
            sort: self.sort.clone(),
            labels: self.labels.clone(),
            include_contact_inboxes: self.include_contact_inboxes,
        }
    }
}

/// Lists contacts that can be reached (email, phone or identifier), 15 a page.
#[utoipa::path(
    get, path = "/contacts", tag = "Contacts",
    params(("account_id" = i64, Path), IndexQuery),
    responses((status = 200, body = ContactList)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn index(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<IndexQuery>,
) -> Result<Json<ContactList>, ApiError> {
    let (meta, payload) = contacts::list(&state.services, &scope, &query.list_params()).await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// Searches contacts by name, email, phone, company or identifier.
#[utoipa::path(
    get, path = "/contacts/search", tag = "Contacts",
    params(("account_id" = i64, Path), IndexQuery),
    responses((status = 200, body = ContactList)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn search(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<IndexQuery>,
) -> Result<Json<ContactList>, ApiError> {
    let (meta, payload) = contacts::search(
        &state.services,
        &scope,
        query.q.as_deref(),
        &query.list_params(),
    )
    .await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// `POST /contacts/filter` query (Chatwoot's dashboard sends the page here).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterQuery {
    /// 1-based page, when the body has none.
    page: Option<i64>,
    /// As for `GET /contacts`.
    sort: Option<String>,
}

/// Filters contacts with AND/OR conditions.
#[utoipa::path(
    post, path = "/contacts/filter", tag = "Contacts",
    params(("account_id" = i64, Path), FilterQuery),
    request_body = FilterParams,
    responses((status = 200, body = ContactList)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn filter(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Query(query): Query<FilterQuery>,
    Body(mut params): Body<FilterParams>,
) -> Result<Json<ContactList>, ApiError> {
    params.page = params.page.or(query.page);
    let (meta, payload) =
        contacts::filter(&state.services, &scope, &params, query.sort.as_deref()).await?;
    Ok(Json(MetaPayload { meta, payload }))
}

/// Creates a contact; with `inbox_id`, also links it to that inbox.
#[utoipa::path(
    post, path = "/contacts", tag = "Contacts",
    params(("account_id" = i64, Path)),
    request_body = ContactParams,
    responses((status = 200, body = Payload<CreatedContact>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn create(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Params(params): Params<ContactParams>,
) -> Result<Json<Payload<CreatedContact>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::create(&state.services, &scope, &params).await?,
    )))
}

/// Shows a contact with its inboxes.
#[utoipa::path(
    get, path = "/contacts/{id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Payload<Contact>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn show(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Contact>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::show(&state.services, &scope, id).await?,
    )))
}

/// Changes a contact; custom and additional attributes are merged.
#[utoipa::path(
    patch, path = "/contacts/{id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = ContactParams,
    responses((status = 200, body = Payload<Contact>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<ContactParams>,
) -> Result<Json<Payload<Contact>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::update(&state.services, &scope, id, &params).await?,
    )))
}

/// Changes a contact (`PUT` alias of `PATCH`).
#[utoipa::path(
    put, path = "/contacts/{id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = ContactParams,
    responses((status = 200, body = Payload<Contact>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update_put(
    state: State<AppState>,
    scope: UserScope,
    path: Path<(i64, i64)>,
    params: Params<ContactParams>,
) -> Result<Json<Payload<Contact>>, ApiError> {
    update(state, scope, path, params).await
}

/// Deletes a contact and its conversations (administrators only; refused while the contact
/// is online).
#[utoipa::path(
    delete, path = "/contacts/{id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("administrator"))),
)]
async fn destroy(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<(), ApiError> {
    Ok(contacts::delete(&state.services, &scope, id).await?)
}

/// The contact's 20 most recent conversations in inboxes the caller may see.
#[utoipa::path(
    get, path = "/contacts/{id}/conversations", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<Conversation>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn conversations(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Vec<Conversation>>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::conversations(&state.services, &scope, id).await?,
    )))
}

/// Inboxes the contact can be reached in.
#[utoipa::path(
    get, path = "/contacts/{id}/contactable_inboxes", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<ContactInbox>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn contactable_inboxes(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Vec<ContactInbox>>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::contactable_inboxes(&state.services, &scope, id).await?,
    )))
}

/// `POST /contacts/{id}/contact_inboxes`.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ContactInboxParams {
    /// The inbox.
    inbox_id: Option<i64>,
    /// The contact's id in the inbox (default a new UUID).
    source_id: Option<String>,
    /// Identity already validated.
    #[serde(default)]
    hmac_verified: bool,
}

/// Links the contact to an inbox.
#[utoipa::path(
    post, path = "/contacts/{id}/contact_inboxes", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = ContactInboxParams,
    responses((status = 200, body = ContactInbox)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn add_contact_inbox(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<ContactInboxParams>,
) -> Result<Json<ContactInbox>, ApiError> {
    Ok(Json(
        contacts::add_contact_inbox(
            &state.services,
            &scope,
            id,
            params.inbox_id,
            params.source_id,
            params.hmac_verified,
        )
        .await?,
    ))
}

/// The contact's labels.
#[utoipa::path(
    get, path = "/contacts/{id}/labels", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Payload<Vec<String>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn labels(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Payload<Vec<String>>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::labels(&state.services, &scope, id).await?,
    )))
}

/// `labels` bodies.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LabelsParams {
    /// The labels (replaces the current ones).
    #[serde(default)]
    labels: Vec<String>,
}

/// Replaces the contact's labels.
#[utoipa::path(
    post, path = "/contacts/{id}/labels", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = LabelsParams,
    responses((status = 200, body = Payload<Vec<String>>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn set_labels(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<LabelsParams>,
) -> Result<Json<Payload<Vec<String>>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::set_labels(&state.services, &scope, id, &params.labels).await?,
    )))
}

/// `destroy_custom_attributes` body.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CustomAttributeKeys {
    /// Keys to remove.
    #[serde(default)]
    custom_attributes: Vec<String>,
}

/// Removes custom attributes from the contact.
#[utoipa::path(
    post, path = "/contacts/{id}/destroy_custom_attributes", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = CustomAttributeKeys,
    responses((status = 200, body = Payload<Contact>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn destroy_custom_attributes(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Body(params): Body<CustomAttributeKeys>,
) -> Result<Json<Payload<Contact>>, ApiError> {
    Ok(Json(Payload::new(
        contacts::destroy_custom_attributes(&state.services, &scope, id, &params.custom_attributes)
            .await?,
    )))
}

/// The contact's notes, newest first.
#[utoipa::path(
    get, path = "/contacts/{id}/notes", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    responses((status = 200, body = Vec<Note>)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn notes(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
) -> Result<Json<Vec<Note>>, ApiError> {
    Ok(Json(
        contacts::list_notes(&state.services, &scope, id).await?,
    ))
}

/// Adds a note to the contact.
#[utoipa::path(
    post, path = "/contacts/{id}/notes", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path)),
    request_body = NoteParams,
    responses((status = 200, body = Note)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn create_note(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id)): Path<(i64, i64)>,
    Params(params): Params<NoteParams>,
) -> Result<Json<Note>, ApiError> {
    Ok(Json(
        contacts::create_note(&state.services, &scope, id, &params).await?,
    ))
}

/// Rewrites a note.
#[utoipa::path(
    patch, path = "/contacts/{id}/notes/{note_id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path), ("note_id" = i64, Path)),
    request_body = NoteParams,
    responses((status = 200, body = Note)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn update_note(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id, note_id)): Path<(i64, i64, i64)>,
    Params(params): Params<NoteParams>,
) -> Result<Json<Note>, ApiError> {
    Ok(Json(
        contacts::update_note(&state.services, &scope, id, note_id, &params).await?,
    ))
}

/// Deletes a note.
#[utoipa::path(
    delete, path = "/contacts/{id}/notes/{note_id}", tag = "Contacts",
    params(("account_id" = i64, Path), ("id" = i64, Path), ("note_id" = i64, Path)),
    responses((status = 200)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn destroy_note(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Path((_, id, note_id)): Path<(i64, i64, i64)>,
) -> Result<(), ApiError> {
    Ok(contacts::delete_note(&state.services, &scope, id, note_id).await?)
}

/// `actions/contact_merge` body.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MergeParams {
    /// The contact that stays.
    base_contact_id: Option<i64>,
    /// The contact merged into it and deleted.
    mergee_contact_id: Option<i64>,
}

/// Merges two contacts: conversations, messages, inboxes and notes move to the base.
#[utoipa::path(
    post, path = "/actions/contact_merge", tag = "Contacts",
    params(("account_id" = i64, Path)),
    request_body = MergeParams,
    responses((status = 200, body = Contact)),
    extensions(("x-onechat-access" = json!("member"))),
)]
async fn merge(
    State(state): State<AppState>,
    UserScope(scope): UserScope,
    Body(params): Body<MergeParams>,
) -> Result<Json<Contact>, ApiError> {
    Ok(Json(
        contacts::merge(
            &state.services,
            &scope,
            params.base_contact_id,
            params.mergee_contact_id,
        )
        .await?,
    ))
}
