//! The channel rows behind inboxes: `channel_web_widgets` and `channel_api`.

use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, execute, on_conn};

/// A website widget channel.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WebWidget {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The site the widget lives on.
    pub website_url: Option<String>,
    /// Public token in the snippet.
    pub website_token: String,
    /// Secret for identity validation.
    pub hmac_token: String,
    /// Hex colour.
    pub widget_color: String,
    /// Widget heading.
    pub welcome_title: Option<String>,
    /// Widget sub-heading.
    pub welcome_tagline: Option<String>,
    /// Bitmask: 1 attachments, 2 emoji picker, 4 end conversation, 8 inbox avatar for bot.
    pub feature_flags: i64,
    /// in_a_few_minutes 0, in_a_few_hours 1, in_a_day 2.
    pub reply_time: i16,
    /// Pre-chat form on.
    pub pre_chat_form_enabled: bool,
    /// Pre-chat fields and message.
    pub pre_chat_form_options: Json<Value>,
    /// Refuse visitors without a valid identity hash.
    pub hmac_mandatory: bool,
    /// Continue by email after the visitor leaves.
    pub continuity_via_email: bool,
    /// Sites allowed to embed the widget (comma separated).
    pub allowed_domains: String,
}

/// What a widget channel is made of.
#[derive(Debug, Clone)]
pub struct WebWidgetFields {
    /// The site.
    pub website_url: Option<String>,
    /// Hex colour.
    pub widget_color: String,
    /// Heading.
    pub welcome_title: Option<String>,
    /// Sub-heading.
    pub welcome_tagline: Option<String>,
    /// Feature bitmask.
    pub feature_flags: i64,
    /// Reply time enum.
    pub reply_time: i16,
    /// Pre-chat on.
    pub pre_chat_form_enabled: bool,
    /// Pre-chat options.
    pub pre_chat_form_options: Value,
    /// Identity validation mandatory.
    pub hmac_mandatory: bool,
    /// Email continuity.
    pub continuity_via_email: bool,
    /// Allowed embedding sites.
    pub allowed_domains: String,
}

macro_rules! widget_columns {
    () => {
        "id, account_id, website_url, website_token, hmac_token, widget_color, welcome_title, \
         welcome_tagline, feature_flags, reply_time, pre_chat_form_enabled, \
         pre_chat_form_options, hmac_mandatory, continuity_via_email, allowed_domains"
    };
}

/// An API channel.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiChannel {
    /// Primary key.
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// Where OneChat posts the inbox's events.
    pub webhook_url: Option<String>,
    /// The inbox identifier of the client API.
    pub identifier: String,
    /// Secret for identity validation.
    pub hmac_token: String,
    /// Refuse contacts without a valid identity hash.
    pub hmac_mandatory: bool,
    /// e.g. `agent_reply_time_window` (hours).
    pub additional_attributes: Json<Value>,
}

/// What an API channel is made of.
#[derive(Debug, Clone)]
pub struct ApiChannelFields {
    /// Callback URL.
    pub webhook_url: Option<String>,
    /// Identity validation mandatory.
    pub hmac_mandatory: bool,
    /// Extra settings.
    pub additional_attributes: Value,
}

macro_rules! api_columns {
    () => {
        "id, account_id, webhook_url, identifier, hmac_token, hmac_mandatory, additional_attributes"
    };
}

/// Creates a widget channel with fresh tokens.
pub async fn insert_web_widget(
    conn: Conn<'_>,
    account_id: i64,
    website_token: &str,
    hmac_token: &str,
    fields: &WebWidgetFields,
) -> Result<WebWidget> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, WebWidget>(concat!(
            "insert into channel_web_widgets (account_id, website_token, hmac_token, website_url, \
             widget_color, welcome_title, welcome_tagline, feature_flags, reply_time, \
             pre_chat_form_enabled, pre_chat_form_options, hmac_mandatory, continuity_via_email, \
             allowed_domains, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
             $10, $11, $12, $13, $14, $15, $15) returning ",
            widget_columns!()
        ))
        .bind(account_id)
        .bind(website_token)
        .bind(hmac_token)
        .bind(&fields.website_url)
        .bind(&fields.widget_color)
        .bind(&fields.welcome_title)
        .bind(&fields.welcome_tagline)
        .bind(fields.feature_flags)
        .bind(fields.reply_time)
        .bind(fields.pre_chat_form_enabled)
        .bind(Json(&fields.pre_chat_form_options))
        .bind(fields.hmac_mandatory)
        .bind(fields.continuity_via_email)
        .bind(&fields.allowed_domains)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a widget channel's settings.
pub async fn update_web_widget(
    conn: Conn<'_>,
    id: i64,
    fields: &WebWidgetFields,
) -> Result<WebWidget> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, WebWidget>(concat!(
            "update channel_web_widgets set website_url = $2, widget_color = $3, welcome_title = $4, \
             welcome_tagline = $5, feature_flags = $6, reply_time = $7, pre_chat_form_enabled = $8, \
             pre_chat_form_options = $9, hmac_mandatory = $10, continuity_via_email = $11, \
             allowed_domains = $12, updated_at = $13 where id = $1 returning ",
            widget_columns!()
        ))
        .bind(id)
        .bind(&fields.website_url)
        .bind(&fields.widget_color)
        .bind(&fields.welcome_title)
        .bind(&fields.welcome_tagline)
        .bind(fields.feature_flags)
        .bind(fields.reply_time)
        .bind(fields.pre_chat_form_enabled)
        .bind(Json(&fields.pre_chat_form_options))
        .bind(fields.hmac_mandatory)
        .bind(fields.continuity_via_email)
        .bind(&fields.allowed_domains)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// A widget channel by id.
pub async fn web_widget(conn: Conn<'_>, id: i64) -> Result<Option<WebWidget>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, WebWidget>(concat!(
            "select ",
            widget_columns!(),
            " from channel_web_widgets where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// A widget channel by its public token.
pub async fn web_widget_by_token(conn: Conn<'_>, website_token: &str) -> Result<Option<WebWidget>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, WebWidget>(concat!(
            "select ",
            widget_columns!(),
            " from channel_web_widgets where website_token = $1"
        ))
        .bind(website_token)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Creates an API channel with fresh tokens.
pub async fn insert_api(
    conn: Conn<'_>,
    account_id: i64,
    identifier: &str,
    hmac_token: &str,
    fields: &ApiChannelFields,
) -> Result<ApiChannel> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ApiChannel>(concat!(
            "insert into channel_api (account_id, identifier, hmac_token, webhook_url, \
             hmac_mandatory, additional_attributes, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $7) returning ",
            api_columns!()
        ))
        .bind(account_id)
        .bind(identifier)
        .bind(hmac_token)
        .bind(&fields.webhook_url)
        .bind(fields.hmac_mandatory)
        .bind(Json(&fields.additional_attributes))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces an API channel's settings.
pub async fn update_api(conn: Conn<'_>, id: i64, fields: &ApiChannelFields) -> Result<ApiChannel> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ApiChannel>(concat!(
            "update channel_api set webhook_url = $2, hmac_mandatory = $3, additional_attributes = $4, \
             updated_at = $5 where id = $1 returning ",
            api_columns!()
        ))
        .bind(id)
        .bind(&fields.webhook_url)
        .bind(fields.hmac_mandatory)
        .bind(Json(&fields.additional_attributes))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// An API channel by id.
pub async fn api(conn: Conn<'_>, id: i64) -> Result<Option<ApiChannel>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ApiChannel>(concat!(
            "select ",
            api_columns!(),
            " from channel_api where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// An API channel by its inbox identifier.
pub async fn api_by_identifier(conn: Conn<'_>, identifier: &str) -> Result<Option<ApiChannel>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, ApiChannel>(concat!(
            "select ",
            api_columns!(),
            " from channel_api where identifier = $1"
        ))
        .bind(identifier)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes the channel row of a deleted inbox (channels are polymorphic: no cascade).
pub async fn delete(conn: Conn<'_>, channel_type: &str, id: i64) -> Result<()> {
    match channel_type {
        super::inboxes::WEB_WIDGET => {
            execute!(
                conn,
                sqlx::query("delete from channel_web_widgets where id = $1").bind(id)
            )?;
        }
        super::inboxes::API => {
            execute!(
                conn,
                sqlx::query("delete from channel_api where id = $1").bind(id)
            )?;
        }
        _ => {}
    }
    Ok(())
}

/// Widget channels by id (one query).
pub async fn web_widgets_by_ids(conn: Conn<'_>, ids: &[i64]) -> Result<Vec<WebWidget>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            widget_columns!(),
            " from channel_web_widgets where id in "
        ));
        super::push_id_list(&mut builder, ids);
        builder
            .build_query_as::<WebWidget>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// API channels by id (one query).
pub async fn apis_by_ids(conn: Conn<'_>, ids: &[i64]) -> Result<Vec<ApiChannel>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            api_columns!(),
            " from channel_api where id in "
        ));
        super::push_id_list(&mut builder, ids);
        builder
            .build_query_as::<ApiChannel>()
            .fetch_all(&mut *c)
            .await
    })?)
}
