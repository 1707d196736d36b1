//! Signing in and out, and recognising a caller by session or API token.
//!
//! A session has a public `client_id` and a secret; only the secret's SHA-256 is stored and
//! it is compared in constant time. Dashboard sessions travel in an HttpOnly cookie,
//! devise-token-auth sessions in the `client` / `access-token` / `uid` headers.

use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use crate::secrets::{
    constant_time_eq, decoy_password_hash, random_token, sha256_hex, verify_password,
};
use crate::store::access_tokens::{self, Owner};
use crate::store::account_users::{self, Membership};
use crate::store::user_sessions::{self, NewSession, SessionKind};
use crate::store::users::{self, User};
use crate::{Error, Result, Services};

use super::rate_limit::Limit;

/// Failed sign-ins allowed per client address and per email before further attempts are
/// refused for the rest of the window. Successful sign-ins are never throttled.
pub const FAILED_SIGN_IN_LIMIT: Limit = Limit {
    max: 10,
    window: Duration::from_secs(15 * 60),
};

/// How long a session lives (devise_token_auth's `token_lifespan` in Chatwoot).
pub const SESSION_LIFETIME: TimeDelta = TimeDelta::days(60);

/// Live sessions kept per user (devise_token_auth's `max_number_of_devices`).
pub const MAX_SESSIONS_PER_USER: i64 = 25;

/// `last_used_at` is written at most this often per session, so reads stay reads.
const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(5);

/// The address a request came from, as the server determined it (the socket peer, or the
/// proxy's `X-Forwarded-For` when configured to trust it). Kept in request extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The two halves of a session credential.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// Public: names the session (devise's `client`).
    pub client_id: String,
    /// Secret: proves it (devise's `access-token`).
    pub secret: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

impl Credentials {
    /// The dashboard cookie's value.
    pub fn to_cookie_value(&self) -> String {
        format!("{}.{}", self.client_id, self.secret)
    }

    /// Parses a dashboard cookie's value.
    pub fn from_cookie_value(value: &str) -> Option<Credentials> {
        let (client_id, secret) = value.split_once('.')?;
        if client_id.is_empty() || secret.is_empty() {
            return None;
        }
        Some(Credentials {
            client_id: client_id.to_owned(),
            secret: secret.to_owned(),
        })
    }
}

/// A sign-in attempt.
#[derive(Debug, Clone)]
pub struct SignIn<'a> {
    /// Login email, any case.
    pub email: &'a str,
    /// Password.
    pub password: &'a str,
    /// Cookie (dashboard) or header (API clients) session.
    pub kind: SessionKind,
    /// The client's User-Agent, kept with the session.
    pub user_agent: Option<&'a str>,
    /// The client's address, for throttling failures.
    pub client_ip: Option<IpAddr>,
}

/// A successful sign-in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Who signed in.
    pub user: User,
    /// The new session's credentials (the secret is shown once, never stored).
    pub credentials: Credentials,
    /// When the session ends.
    pub expires_at: DateTime<Utc>,
}

/// Checks email and password and opens a session.
pub async fn sign_in(svc: &Services, attempt: &SignIn<'_>) -> Result<SignedIn> {
    let email = attempt.email.trim().to_lowercase();
    let keys = throttle_keys(&email, attempt.client_ip);
    for key in &keys {
        svc.sign_in_failures
            .check(key)
            .map_err(|retry_after| Error::RateLimited { retry_after })?;
    }

    let user = users::find_by_email(svc.db.read().await?.conn(), &email).await?;
    let hash = match &user {
        Some(user) => users::find_password_hash(svc.db.read().await?.conn(), user.id).await?,
        None => None,
    };
    // With no such user, still verify against a decoy so both failures take as long.
    let hash = hash.unwrap_or_else(|| decoy_password_hash().to_owned());
    let password = attempt.password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|e| Error::Internal(format!("password check task: {e}")))?;

    let user = match user {
        Some(user) if matches => user,
        _ => {
            for key in &keys {
                svc.sign_in_failures.hit(key);
            }
            return Err(Error::InvalidCredentials);
        }
    };

    let credentials = Credentials {
        client_id: random_token(22),
        secret: random_token(32),
    };
    let expires_at = crate::store::now() + SESSION_LIFETIME;
    let mut tx = svc.db.begin().await?;
    let digest = sha256_hex(&credentials.secret);
    let session = NewSession {
        user_id: user.id,
        client_id: &credentials.client_id,
        token_digest: &digest,
        kind: attempt.kind,
        expires_at,
        user_agent: attempt.user_agent.map(|ua| truncate(ua, 255)),
    };
    user_sessions::insert(tx.conn(), &session).await?;
    user_sessions::prune(tx.conn(), user.id, MAX_SESSIONS_PER_USER).await?;
    users::record_sign_in(tx.conn(), user.id).await?;
    tx.commit().await?;
    Ok(SignedIn {
        user,
        credentials,
        expires_at,
    })
}

/// The user a live session belongs to.
pub async fn authenticate_session(
    svc: &Services,
    kind: SessionKind,
    credentials: &Credentials,
) -> Result<User> {
    let mut handle = svc.db.read().await?;
    let session = user_sessions::find_by_client(handle.conn(), &credentials.client_id)
        .await?
        .filter(|s| s.is(kind))
        .ok_or(Error::InvalidSession)?;
    let now = crate::store::now();
    if !constant_time_eq(&session.token_digest, &sha256_hex(&credentials.secret))
        || session.expires_at <= now
    {
        return Err(Error::InvalidSession);
    }
    let user = users::find(handle.conn(), session.user_id)
        .await?
        .ok_or(Error::InvalidSession)?;
    drop(handle);
    if session.last_used_at.is_none_or(|at| now - at > TOUCH_EVERY) {
        let mut tx = svc.db.begin().await?;
        user_sessions::touch(tx.conn(), session.id, now).await?;
        tx.commit().await?;
    }
    Ok(user)
}

/// Ends a live session.
pub async fn sign_out(svc: &Services, kind: SessionKind, credentials: &Credentials) -> Result<()> {
    let user = authenticate_session(svc, kind, credentials).await?;
    let mut tx = svc.db.begin().await?;
    let session = user_sessions::find_by_client(tx.conn(), &credentials.client_id)
        .await?
        .filter(|s| s.user_id == user.id)
        .ok_or(Error::InvalidSession)?;
    user_sessions::delete(tx.conn(), session.id).await?;
    tx.commit().await?;
    Ok(())
}

/// Who holds an `api_access_token`.
#[derive(Debug, Clone)]
pub enum TokenHolder {
    /// A person, loaded.
    User(Box<User>),
    /// An agent bot, by id.
    AgentBot(i64),
}

/// The holder of an `api_access_token`: one query for a person's token (every dashboard and
/// integration request), two for a bot's.
pub async fn authenticate_api_token(svc: &Services, token: &str) -> Result<TokenHolder> {
    if token.is_empty() || token.len() > 255 {
        return Err(Error::InvalidSession);
    }
    let mut handle = svc.db.read().await?;
    if let Some(user) = users::find_by_access_token(handle.conn(), token).await? {
        return Ok(TokenHolder::User(Box::new(user)));
    }
    match access_tokens::find_owner(handle.conn(), token).await? {
        Some(Owner::AgentBot(id)) => Ok(TokenHolder::AgentBot(id)),
        _ => Err(Error::InvalidSession),
    }
}

/// [`authenticate_api_token`] for a route of `account_id`: a person's token comes back with
/// their membership there (`None`: not a member) in the same single query.
pub async fn authenticate_api_token_in(
    svc: &Services,
    token: &str,
    account_id: i64,
) -> Result<(TokenHolder, Option<Membership>)> {
    if token.is_empty() || token.len() > 255 {
        return Err(Error::InvalidSession);
    }
    let mut handle = svc.db.read().await?;
    if let Some((user, membership)) =
        account_users::find_token_user(handle.conn(), token, account_id).await?
    {
        return Ok((TokenHolder::User(Box::new(user)), membership));
    }
    match access_tokens::find_owner(handle.conn(), token).await? {
        Some(Owner::AgentBot(id)) => Ok((TokenHolder::AgentBot(id), None)),
        _ => Err(Error::InvalidSession),
    }
}

/// The owner of an `api_access_token`.
pub async fn authenticate_token(svc: &Services, token: &str) -> Result<Owner> {
    if token.is_empty() || token.len() > 255 {
        return Err(Error::InvalidSession);
    }
    access_tokens::find_owner(svc.db.read().await?.conn(), token)
        .await?
        .ok_or(Error::InvalidSession)
}

fn throttle_keys(email: &str, ip: Option<IpAddr>) -> Vec<String> {
    let mut keys = vec![format!("email:{email}")];
    if let Some(ip) = ip {
        keys.push(format!("ip:{ip}"));
    }
    keys
}

fn truncate(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}
