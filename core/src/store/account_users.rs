//! `account_users`: who belongs to which account, with which role and availability.

use chrono::{DateTime, Utc};

use crate::db::{Backend, Conn};
use crate::domain::{AccountStatus, Availability, Role, StoredEnum as _};
use crate::{Result, execute, on_conn};

/// A user's membership of one account, with the account's name and status.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Membership {
    /// account_users primary key.
    pub id: i64,
    /// The account.
    pub account_id: i64,
    /// The account's name.
    pub account_name: String,
    /// The account's language: the dashboard renders in it.
    pub account_locale: String,
    /// Whether the account is active.
    #[sqlx(try_from = "i16")]
    pub account_status: AccountStatus,
    /// The member.
    pub user_id: i64,
    /// Agent or administrator.
    #[sqlx(try_from = "i16")]
    pub role: Role,
    /// Who invited the member.
    pub inviter_id: Option<i64>,
    /// Last activity in the account.
    pub active_at: Option<DateTime<Utc>>,
    /// Chosen availability.
    #[sqlx(try_from = "i16")]
    pub availability: Availability,
    /// Goes offline automatically when away.
    pub auto_offline: bool,
}

macro_rules! select {
    () => {
        "select au.id, au.account_id, a.name as account_name, a.locale as account_locale, \
         a.status as account_status, \
         au.user_id, au.role, au.inviter_id, au.active_at, au.availability, au.auto_offline \
         from account_users au join accounts a on a.id = au.account_id "
    };
}

/// Adds a user to an account.
pub async fn insert(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    role: Role,
    inviter_id: Option<i64>,
) -> Result<i64> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "insert into account_users (account_id, user_id, role, inviter_id, created_at, \
             updated_at) values ($1, $2, $3, $4, $5, $5) returning id",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(role.to_i16())
        .bind(inviter_id)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Every account a user belongs to, oldest membership first.
pub async fn list_for_user(conn: Conn<'_>, user_id: i64) -> Result<Vec<Membership>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Membership>(concat!(select!(), "where au.user_id = $1 order by au.id"))
            .bind(user_id)
            .fetch_all(&mut *c)
            .await
    })?)
}

/// A user's membership of one account.
pub async fn find(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<Option<Membership>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Membership>(concat!(
            select!(),
            "where au.account_id = $1 and au.user_id = $2"
        ))
        .bind(account_id)
        .bind(user_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The user an API access token belongs to, with their membership in `account_id` if they
/// have one (one query: every API request starts with it).
pub async fn find_token_user(
    conn: Conn<'_>,
    token: &str,
    account_id: i64,
) -> Result<Option<(crate::store::users::User, Option<Membership>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        user: crate::store::users::User,
        m_id: Option<i64>,
        m_account_name: Option<String>,
        m_account_locale: Option<String>,
        m_account_status: Option<i16>,
        m_role: Option<i16>,
        m_inviter_id: Option<i64>,
        m_active_at: Option<DateTime<Utc>>,
        m_availability: Option<i16>,
        m_auto_offline: Option<bool>,
    }
    let row: Option<Row> = on_conn!(conn, |c| {
        sqlx::query_as::<_, Row>(concat!(
            "select ",
            crate::store::users::user_columns!("u."),
            ", au.id as m_id, a.name as m_account_name, a.locale as m_account_locale, \
             a.status as m_account_status, \
             au.role as m_role, au.inviter_id as m_inviter_id, au.active_at as m_active_at, \
             au.availability as m_availability, au.auto_offline as m_auto_offline \
             from access_tokens t join users u on u.id = t.owner_id \
             left join account_users au on au.user_id = u.id and au.account_id = $2 \
             left join accounts a on a.id = au.account_id \
             where t.token = $1 and t.owner_type = 'User'"
        ))
        .bind(token)
        .bind(account_id)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(row.map(|r| {
        let membership = match (r.m_id, r.m_account_status, r.m_role) {
            (Some(id), Some(status), Some(role)) => Some(Membership {
                id,
                account_id,
                account_name: r.m_account_name.unwrap_or_default(),
                account_locale: r.m_account_locale.unwrap_or_default(),
                account_status: AccountStatus::from_i16(status).unwrap_or(AccountStatus::Suspended),
                user_id: r.user.id,
                role: Role::from_i16(role).unwrap_or(Role::Agent),
                inviter_id: r.m_inviter_id,
                active_at: r.m_active_at,
                availability: r
                    .m_availability
                    .and_then(Availability::from_i16)
                    .unwrap_or(Availability::Online),
                auto_offline: r.m_auto_offline.unwrap_or(true),
            }),
            _ => None,
        };
        (r.user, membership)
    }))
}

/// A member of an account with their user record: what the Agent JSON is made of.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgentRow {
    /// User id.
    pub id: i64,
    /// Account.
    pub account_id: i64,
    /// Full name.
    pub name: String,
    /// Name shown to customers.
    pub display_name: Option<String>,
    /// Login email.
    pub email: String,
    /// Always `email`.
    pub provider: String,
    /// Confirmed when set.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Free-form attributes.
    pub custom_attributes: sqlx::types::Json<serde_json::Value>,
    /// Avatar file.
    pub avatar_path: Option<String>,
    /// Role.
    #[sqlx(try_from = "i16")]
    pub role: Role,
    /// Chosen availability.
    #[sqlx(try_from = "i16")]
    pub availability: Availability,
    /// Goes offline automatically.
    pub auto_offline: bool,
    /// The user's `/cable` token.
    pub pubsub_token: String,
}

macro_rules! agent_select {
    () => {
        "select u.id, au.account_id, u.name, u.display_name, u.email, u.provider, \
         u.confirmed_at, u.custom_attributes, u.avatar_path, au.role, au.availability, \
         au.auto_offline, u.pubsub_token from account_users au join users u on u.id = au.user_id "
    };
}

/// Every member of an account, by name.
pub async fn list_agents(conn: Conn<'_>, account_id: i64) -> Result<Vec<AgentRow>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentRow>(concat!(
            agent_select!(),
            "where au.account_id = $1 order by u.name, u.id"
        ))
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// One member of an account as an agent.
pub async fn find_agent(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<Option<AgentRow>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentRow>(concat!(
            agent_select!(),
            "where au.account_id = $1 and au.user_id = $2"
        ))
        .bind(account_id)
        .bind(user_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The members who may take conversations of every inbox in `inbox_ids`: the members of all
/// of them, and the administrators (one query). With no inbox, the administrators.
pub async fn assignable_agents(
    conn: Conn<'_>,
    account_id: i64,
    inbox_ids: &[i64],
) -> Result<Vec<AgentRow>> {
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(agent_select!());
        builder
            .push("where au.account_id = ")
            .push_bind(account_id)
            .push(" and (au.role = ")
            .push_bind(Role::Administrator.to_i16());
        if !inbox_ids.is_empty() {
            builder.push(
                " or (select count(distinct im.inbox_id) from inbox_members im \
                 where im.user_id = u.id and im.inbox_id in ",
            );
            super::push_id_list(&mut builder, inbox_ids);
            builder.push(") = ").push_bind(inbox_ids.len() as i64);
        }
        builder.push(") order by u.name, u.id");
        builder
            .build_query_as::<AgentRow>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// A membership's role and availability settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberSettings {
    /// Agent or administrator.
    pub role: Role,
    /// Chosen availability.
    pub availability: Availability,
    /// Goes offline automatically when away.
    pub auto_offline: bool,
}

/// Replaces a membership's settings; false when the user is not a member.
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    user_id: i64,
    settings: &MemberSettings,
) -> Result<bool> {
    let now = super::now();
    let done = execute!(
        conn,
        sqlx::query(
            "update account_users set role = $3, availability = $4, auto_offline = $5, \
             updated_at = $6 where account_id = $1 and user_id = $2",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(settings.role.to_i16())
        .bind(settings.availability.to_i16())
        .bind(settings.auto_offline)
        .bind(now)
    )?;
    Ok(done > 0)
}

/// Records activity in an account now; false when the user is not a member.
pub async fn touch_active_at(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<bool> {
    let now = super::now();
    let done = execute!(
        conn,
        sqlx::query(
            "update account_users set active_at = $3, updated_at = $3 \
             where account_id = $1 and user_id = $2",
        )
        .bind(account_id)
        .bind(user_id)
        .bind(now)
    )?;
    Ok(done > 0)
}

/// Removes a user from an account (the membership only: see the agents service for the
/// rest of the clean-up).
pub async fn delete(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<bool> {
    let done = execute!(
        conn,
        sqlx::query("delete from account_users where account_id = $1 and user_id = $2")
            .bind(account_id)
            .bind(user_id)
    )?;
    Ok(done > 0)
}

/// The administrators of an account as `(user_id, confirmed)`. Inside a transaction on
/// PostgreSQL their memberships stay locked until it ends, always in the same order, so two
/// administrators demoted or removed at once cannot both pass the last-administrator check
/// (SQLite lets one writer in at a time anyway).
pub async fn administrators_for_update(
    conn: Conn<'_>,
    account_id: i64,
) -> Result<Vec<(i64, bool)>> {
    macro_rules! admins {
        () => {
            "select au.user_id, u.confirmed_at is not null \
             from account_users au join users u on u.id = au.user_id \
             where au.account_id = $1 and au.role = $2 order by au.id"
        };
    }
    let sql = match conn.backend() {
        Backend::Postgres => concat!(admins!(), " for update of au"),
        Backend::Sqlite => admins!(),
    };
    Ok(on_conn!(conn, |c| {
        sqlx::query_as(sql)
            .bind(account_id)
            .bind(Role::Administrator.to_i16())
            .fetch_all(&mut *c)
            .await
    })?)
}

/// The members of an account among `user_ids` (one query, whatever the count).
pub async fn find_agents(
    conn: Conn<'_>,
    account_id: i64,
    user_ids: &[i64],
) -> Result<Vec<AgentRow>> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(agent_select!());
        builder
            .push("where au.account_id = ")
            .push_bind(account_id)
            .push(" and u.id in ");
        super::push_id_list(&mut builder, user_ids);
        builder.push(" order by u.name, u.id");
        builder
            .build_query_as::<AgentRow>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Those of `user_ids` who may work conversations of an inbox: its members and the
/// account's administrators (one query).
pub async fn assignable_in_inbox(
    conn: Conn<'_>,
    account_id: i64,
    inbox_id: i64,
    user_ids: &[i64],
) -> Result<Vec<i64>> {
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select au.user_id from account_users au where au.account_id = ",
        );
        builder.push_bind(account_id).push(" and au.user_id in ");
        super::push_id_list(&mut builder, user_ids);
        builder.push(
            " and (au.role = 1 or exists (select 1 from inbox_members im where im.inbox_id = ",
        );
        builder
            .push_bind(inbox_id)
            .push(" and im.user_id = au.user_id)) order by au.user_id");
        builder.build_query_scalar::<i64>().fetch_all(&mut *c).await
    })?)
}
