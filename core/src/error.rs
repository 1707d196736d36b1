//! The one error type of `onechat-core`. Each boundary (REST, server functions, CLI) maps it to
//! its own shape; nothing here knows about HTTP.

/// Result alias for core operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in a core operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The record does not exist, or the caller may not know it exists.
    #[error("not found")]
    NotFound,
    /// Wrong email or password.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The session or token names nobody (or has expired).
    #[error("invalid session")]
    InvalidSession,
    /// The caller may not do this.
    #[error("not authorized")]
    NotAuthorized,
    /// The caller is not a member of the account.
    #[error("not a member of the account")]
    NotAccountMember,
    /// The account is suspended.
    #[error("account suspended")]
    AccountSuspended,
    /// An agent bot called into an account it does not serve.
    #[error("bot not in account")]
    BotNotInAccount,
    /// An agent bot called a route reserved for people.
    #[error("not allowed for bots")]
    BotNotAllowed,
    /// A required parameter is missing or empty.
    #[error("param is missing or the value is empty: {0}")]
    MissingParam(String),
    /// An identity hash (HMAC of the contact's identifier) was missing or wrong.
    #[error("HMAC failed: Invalid Identifier Hash Provided")]
    HmacFailed,
    /// The caller may not do this here; the text says why (403).
    #[error("{0}")]
    Forbidden(String),
    /// The request cannot be carried out as asked; the text is for the caller.
    #[error("{0}")]
    Unprocessable(String),
    /// The input breaks a rule; every broken rule is listed.
    #[error("invalid input: {0}")]
    Invalid(Validation),
    /// The first-run setup has already been done.
    #[error("already set up")]
    AlreadySetUp,
    /// Too many attempts; try again after the given number of seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until the limit resets.
        retry_after: u64,
    },
    /// The database failed. The text is for logs only, never for clients.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Anything else that is our fault.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A validation error about one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid(Validation::single(field, message))
    }

    /// Whether the database refused a write because of a unique index.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Error::Database(sqlx::Error::Database(db)) if db.is_unique_violation())
    }
}

/// A list of broken input rules, as Chatwoot reports them: full messages plus field names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validation {
    /// `(field, full message)` pairs, e.g. `("email", "Email has already been taken")`.
    pub errors: Vec<(String, String)>,
}

impl Validation {
    /// One broken rule.
    pub fn single(field: &str, message: impl Into<String>) -> Validation {
        Validation {
            errors: vec![(field.to_owned(), message.into())],
        }
    }

    /// Adds a broken rule.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push((field.to_owned(), message.into()));
    }

    /// `Ok(())` when nothing was broken, else the list as an [`Error::Invalid`].
    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self))
        }
    }

    /// The messages joined with ", " (Chatwoot's `message`).
    pub fn message(&self) -> String {
        self.errors
            .iter()
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The distinct field names, in order (Chatwoot's `attributes`).
    pub fn attributes(&self) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        for (field, _) in &self.errors {
            if !fields.contains(field) {
                fields.push(field.clone());
            }
        }
        fields
    }
}

impl std::fmt::Display for Validation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}
