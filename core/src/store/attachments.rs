//! `attachments`: files and other media on messages. The bytes live in the data directory;
//! the row keeps the path and what the file is.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::domain::{FileType, StoredEnum as _};
use crate::{Result, on_conn};

/// One attachment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The message.
    pub message_id: i64,
    /// image, audio, video, file, location…
    #[sqlx(try_from = "i16")]
    pub file_type: FileType,
    /// A link instead of a stored file.
    pub external_url: Option<String>,
    /// Location latitude.
    pub coordinates_lat: Option<f64>,
    /// Location longitude.
    pub coordinates_long: Option<f64>,
    /// Title of a location or fallback.
    pub fallback_title: Option<String>,
    /// File extension without the dot.
    pub extension: Option<String>,
    /// Extra data (transcriptions…).
    pub meta: Json<Value>,
    /// Path of the stored file inside the data directory.
    pub file_path: Option<String>,
    /// MIME type.
    pub content_type: Option<String>,
    /// Bytes.
    pub file_size: Option<i64>,
    /// Image width in pixels.
    pub width: Option<i64>,
    /// Image height in pixels.
    pub height: Option<i64>,
    /// The uploaded file's name.
    pub file_name: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, message_id, file_type, external_url, coordinates_lat, coordinates_long, \
         fallback_title, extension, meta, file_path, content_type, file_size, width, height, \
         file_name, created_at"
    };
}

/// What a stored upload is made of.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    /// Kind of file.
    pub file_type: FileType,
    /// Path inside the data directory.
    pub file_path: String,
    /// MIME type.
    pub content_type: String,
    /// Bytes.
    pub file_size: i64,
    /// Extension.
    pub extension: Option<String>,
    /// Image size.
    pub width: Option<i64>,
    /// Image size.
    pub height: Option<i64>,
    /// Original name.
    pub file_name: String,
}

/// Adds an attachment to a message.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    message_id: i64,
    new: &NewAttachment,
) -> Result<Attachment> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Attachment>(concat!(
            "insert into attachments (account_id, message_id, file_type, file_path, content_type, \
             file_size, extension, width, height, file_name, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(message_id)
        .bind(new.file_type.to_i16())
        .bind(&new.file_path)
        .bind(&new.content_type)
        .bind(new.file_size)
        .bind(&new.extension)
        .bind(new.width)
        .bind(new.height)
        .bind(&new.file_name)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// The attachments of several messages (one query).
pub async fn of_messages(conn: Conn<'_>, message_ids: &[i64]) -> Result<Vec<Attachment>> {
    if message_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from attachments where message_id in "
        ));
        super::push_id_list(&mut builder, message_ids);
        builder.push(" order by id");
        builder
            .build_query_as::<Attachment>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// One attachment of an account.
pub async fn find(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<Attachment>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Attachment>(concat!(
            "select ",
            columns!(),
            " from attachments where account_id = $1 and id = $2"
        ))
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The attachments of a conversation, newest first, a page at a time.
pub async fn of_conversation(
    conn: Conn<'_>,
    conversation_id: i64,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Attachment>, i64)> {
    Ok(on_conn!(conn, |c| {
        let total: i64 = sqlx::query_scalar(
            "select count(*) from attachments a join messages m on m.id = a.message_id where m.conversation_id = $1",
        )
        .bind(conversation_id)
        .fetch_one(&mut *c)
        .await?;
        let rows = sqlx::query_as::<_, Attachment>(
            "select a.id, a.account_id, a.message_id, a.file_type, a.external_url, a.coordinates_lat, \
             a.coordinates_long, a.fallback_title, a.extension, a.meta, a.file_path, a.content_type, \
             a.file_size, a.width, a.height, a.file_name, a.created_at from attachments a \
             join messages m on m.id = a.message_id where m.conversation_id = $1 \
             order by a.id desc limit $2 offset $3",
        )
        .bind(conversation_id)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *c)
        .await?;
        Ok::<_, sqlx::Error>((rows, total))
    })?)
}

/// Deletes a message's attachments and returns their file paths (for the caller to remove).
pub async fn delete_for_message(conn: Conn<'_>, message_id: i64) -> Result<Vec<String>> {
    let paths: Vec<Option<String>> = on_conn!(conn, |c| {
        let paths = sqlx::query_scalar("select file_path from attachments where message_id = $1")
            .bind(message_id)
            .fetch_all(&mut *c)
            .await?;
        sqlx::query("delete from attachments where message_id = $1")
            .bind(message_id)
            .execute(&mut *c)
            .await?;
        Ok::<_, sqlx::Error>(paths)
    })?;
    Ok(paths.into_iter().flatten().collect())
}

/// One attachment by id, whatever its account (downloads are authorised by a signature).
pub async fn find_any(conn: Conn<'_>, id: i64) -> Result<Option<Attachment>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Attachment>(concat!(
            "select ",
            columns!(),
            " from attachments where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}
