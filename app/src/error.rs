//! The error every dashboard server function returns: stable variants the UI turns into
//! text. Internal details never cross to the browser; they are logged on the server.

use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a dashboard request failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DashboardError {
    /// Wrong email or password.
    #[error("Invalid login credentials. Please try again.")]
    InvalidCredentials,
    /// The input broke rules; `message` lists them.
    #[error("{message}")]
    Invalid {
        /// Every broken rule, joined.
        message: String,
        /// The fields concerned.
        fields: Vec<String>,
    },
    /// OneChat is already set up.
    #[error("OneChat is already set up. Please log in.")]
    AlreadySetUp,
    /// Too many failed attempts.
    #[error("Too many attempts. Please try again in {retry_after} seconds.")]
    RateLimited {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// Not signed in (or the session ended).
    #[error("Please log in to continue.")]
    SignInRequired,
    /// Signed in, but not allowed.
    #[error("You are not authorized to do this action.")]
    NotAuthorized,
    /// Something failed on the server; it has been logged.
    #[error("Something went wrong. Please try again.")]
    Unavailable,
    /// The request did not reach the server function or its answer was unreadable.
    #[error("Could not reach OneChat: {0}")]
    Transport(String),
}

impl FromServerFnError for DashboardError {
    // The same JSON as Leptos' `JsonEncoding`, read in the browser by the dashboard's one
    // JSON reader (`json_text`), so no second JSON parser is compiled in for errors.
    type Encoder = crate::json_text::JsonTextEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        DashboardError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl DashboardError {
    /// The HTTP status the server function answers with: a refused login is not a server
    /// failure, and should not be logged as one.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            DashboardError::InvalidCredentials | DashboardError::SignInRequired => {
                StatusCode::UNAUTHORIZED
            }
            DashboardError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            DashboardError::AlreadySetUp => StatusCode::CONFLICT,
            DashboardError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            DashboardError::NotAuthorized => StatusCode::FORBIDDEN,
            DashboardError::Transport(_) => StatusCode::BAD_REQUEST,
            DashboardError::Unavailable => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<onechat_core::Error> for DashboardError {
    fn from(err: onechat_core::Error) -> Self {
        let converted = Self::from_core(err);
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(converted.status());
        }
        converted
    }
}

#[cfg(feature = "ssr")]
impl DashboardError {
    fn from_core(err: onechat_core::Error) -> Self {
        use onechat_core::Error;
        match err {
            Error::InvalidCredentials => DashboardError::InvalidCredentials,
            Error::InvalidSession => DashboardError::SignInRequired,
            Error::NotAuthorized
            | Error::NotFound
            | Error::NotAccountMember
            | Error::AccountSuspended
            | Error::BotNotAllowed
            | Error::BotNotInAccount
            | Error::Forbidden(_)
            | Error::HmacFailed => DashboardError::NotAuthorized,
            Error::MissingParam(param) => DashboardError::Invalid {
                message: format!("{param} is required"),
                fields: vec![param],
            },
            Error::Unprocessable(message) => DashboardError::Invalid {
                message,
                fields: vec![],
            },
            Error::AlreadySetUp => DashboardError::AlreadySetUp,
            Error::RateLimited { retry_after } => DashboardError::RateLimited { retry_after },
            Error::Invalid(v) => DashboardError::Invalid {
                message: v.message(),
                fields: v.attributes(),
            },
            other @ (Error::Database(_) | Error::Internal(_)) => {
                tracing::error!(error = %other, "dashboard request failed");
                DashboardError::Unavailable
            }
        }
    }
}
