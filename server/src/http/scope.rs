//! Who is calling the REST API, and their scope in the account of the URL.
//!
//! The caller is found by the `api_access_token` header (a user's or an agent bot's token) or
//! by devise-token-auth session headers. Routes under `/api/v1/accounts/{account_id}` take
//! [`UserScope`] (people only) or [`AnyScope`] (people and agent bots, for the routes bots
//! may use: interfaces.md §1.1).

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use onechat_core::Error;
use onechat_core::services::access::{self, Scope};
use onechat_core::services::auth::{self, TokenHolder};
use onechat_core::store::account_users;
use onechat_core::store::user_sessions::SessionKind;
use onechat_core::store::users::User;
use onechat_core::wire::errors::text;

use super::ApiError;
use super::caller::DeviseHeaders;
use crate::state::AppState;

/// Who called.
#[derive(Debug, Clone)]
pub enum Caller {
    /// A person (token or session).
    User(Box<User>),
    /// An agent bot (its access token).
    AgentBot(i64),
}

impl Caller {
    async fn from_parts(parts: &Parts, state: &AppState) -> Result<Caller, ApiError> {
        let services = &state.services;
        let token = parts
            .headers
            .get("api_access_token")
            .and_then(|v| v.to_str().ok());
        if let Some(token) = token {
            return match auth::authenticate_api_token(services, token.trim()).await {
                Ok(TokenHolder::User(user)) => Ok(Caller::User(user)),
                Ok(TokenHolder::AgentBot(id)) => Ok(Caller::AgentBot(id)),
                Err(Error::InvalidSession) => Err(ApiError::Unauthorized(text::INVALID_TOKEN)),
                Err(other) => Err(other.into()),
            };
        }
        let devise = DeviseHeaders::from_headers(&parts.headers).ok_or(ApiError::SignInRequired)?;
        match auth::authenticate_session(services, SessionKind::Header, &devise.credentials).await {
            Ok(user) if user.uid.eq_ignore_ascii_case(devise.uid.trim()) => {
                Ok(Caller::User(Box::new(user)))
            }
            Ok(_) | Err(Error::InvalidSession) => Err(ApiError::SignInRequired),
            Err(other) => Err(other.into()),
        }
    }
}

/// A signed-in person (routes outside any account, such as `/api/v1/profile`).
#[derive(Debug, Clone)]
pub struct CurrentUser(pub User);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match Caller::from_parts(parts, state).await? {
            Caller::User(user) => Ok(CurrentUser(*user)),
            Caller::AgentBot(_) => Err(Error::BotNotAllowed.into()),
        }
    }
}

/// A person's scope in the account of the URL. Agent bots are refused.
#[derive(Debug, Clone)]
pub struct UserScope(pub Scope);

impl FromRequestParts<AppState> for UserScope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match AccountCaller::from_parts(parts, state).await? {
            AccountCaller::User(user, membership) => {
                Ok(UserScope(member_scope(state, &user, membership).await?))
            }
            AccountCaller::AgentBot(_, _) => Err(Error::BotNotAllowed.into()),
        }
    }
}

/// A person's or an agent bot's scope in the account of the URL.
#[derive(Debug, Clone)]
pub struct AnyScope(pub Scope);

impl FromRequestParts<AppState> for AnyScope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let scope = match AccountCaller::from_parts(parts, state).await? {
            AccountCaller::User(user, membership) => member_scope(state, &user, membership).await?,
            AccountCaller::AgentBot(bot, account_id) => {
                access::for_bot(&state.services, bot, account_id).await?
            }
        };
        Ok(AnyScope(scope))
    }
}

/// The caller of a route under `/api/v1/accounts/{account_id}`.
enum AccountCaller {
    /// A person, with their membership when the token lookup already brought it.
    User(Box<User>, KnownMembership),
    /// An agent bot, and the account of the URL.
    AgentBot(i64, i64),
}

/// A membership: known (`Some(None)` = not a member) or still to be looked up (`None`).
type KnownMembership = (i64, Option<Option<account_users::Membership>>);

impl AccountCaller {
    /// Authenticates and reads the account of the URL. A person's API token is looked up with
    /// their membership in that account in one query, which is what nearly every request is.
    async fn from_parts(parts: &mut Parts, state: &AppState) -> Result<AccountCaller, ApiError> {
        let token = parts
            .headers
            .get("api_access_token")
            .and_then(|v| v.to_str().ok())
            .map(|t| t.trim().to_owned());
        if let Some(token) = token
            && let Ok(account_id) = account_id(parts).await
        {
            return match auth::authenticate_api_token_in(&state.services, &token, account_id).await
            {
                Ok((TokenHolder::User(user), membership)) => {
                    Ok(AccountCaller::User(user, (account_id, Some(membership))))
                }
                Ok((TokenHolder::AgentBot(id), _)) => Ok(AccountCaller::AgentBot(id, account_id)),
                Err(Error::InvalidSession) => Err(ApiError::Unauthorized(text::INVALID_TOKEN)),
                Err(other) => Err(other.into()),
            };
        }
        let caller = Caller::from_parts(parts, state).await?;
        let account_id = account_id(parts).await?;
        Ok(match caller {
            Caller::User(user) => AccountCaller::User(user, (account_id, None)),
            Caller::AgentBot(id) => AccountCaller::AgentBot(id, account_id),
        })
    }
}

async fn member_scope(
    state: &AppState,
    user: &User,
    (account_id, membership): KnownMembership,
) -> Result<Scope, ApiError> {
    Ok(match membership {
        Some(membership) => access::for_member(&state.services, user, membership).await?,
        None => access::for_person(&state.services, user, account_id).await?,
    })
}

/// The `account_id` of the URL; not a number means no such account.
async fn account_id(parts: &mut Parts) -> Result<i64, ApiError> {
    let params = RawPathParams::from_request_parts(parts, &())
        .await
        .map_err(|_| ApiError::Core(Error::NotFound))?;
    params
        .iter()
        .find(|(name, _)| *name == "account_id")
        .and_then(|(_, value)| value.parse().ok())
        .ok_or(ApiError::Core(Error::NotAccountMember))
}
