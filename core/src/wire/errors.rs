//! Error bodies, in the exact shapes Chatwoot clients parse (interfaces.md §0).

use serde::{Deserialize, Serialize};

/// `{"error": "..."}`: 401, 403, 404, 429 and parameter errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Human-readable reason.
    pub error: String,
}

/// `{"message": "A, B", "attributes": ["email", ...]}`: validation failures (422).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationBody {
    /// Every problem, joined with ", ".
    pub message: String,
    /// The fields the problems are about.
    pub attributes: Vec<String>,
}

/// `{"success": false, "errors": [...]}`: the devise_token_auth routes under `/auth`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthErrorBody {
    /// Always false.
    pub success: bool,
    /// Human-readable reasons.
    pub errors: Vec<String>,
}

/// The texts Chatwoot clients match on.
pub mod text {
    /// 404 for any record outside the caller's reach.
    pub const NOT_FOUND: &str = "Resource could not be found";
    /// A policy refused the action.
    pub const NOT_AUTHORIZED: &str = "You are not authorized to do this action";
    /// The api_access_token header names no token.
    pub const INVALID_TOKEN: &str = "Invalid Access Token";
    /// The caller is not a member of the account in the URL.
    pub const NOT_ACCOUNT_MEMBER: &str = "You are not authorized to access this account";
    /// An agent bot called a route reserved for people.
    pub const BOT_NOT_ALLOWED: &str = "Access to this endpoint is not authorized for bots";
    /// An agent bot called into an account it does not serve.
    pub const BOT_NOT_IN_ACCOUNT: &str = "Bot is not authorized to access this account";
    /// The account is suspended.
    pub const ACCOUNT_SUSPENDED: &str = "Account is suspended";
    /// No credentials at all.
    pub const SIGN_IN_REQUIRED: &str = "You need to sign in or sign up before continuing.";
    /// Wrong email or password.
    pub const BAD_CREDENTIALS: &str = "Invalid login credentials. Please try again.";
    /// The session headers name no live session.
    pub const INVALID_SESSION: &str = "Invalid login credentials";
    /// sign_out without a live session.
    pub const NOT_SIGNED_IN: &str = "User was not found or was not logged in.";
    /// A rate limit was hit.
    pub const RATE_LIMITED: &str = "Too many requests. Please try again later.";
}
