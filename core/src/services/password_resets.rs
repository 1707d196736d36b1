//! Set-password links. OneChat sends no email, so where Chatwoot mails an invitee a
//! confirmation link (and an agent a reset link), an administrator is shown a one-time link
//! to hand over; opening it lets the person choose a password, which also confirms them.

use chrono::TimeDelta;

use crate::error::Validation;
use crate::secrets::{check_password_rules, hash_password, random_token, sha256_hex};
use crate::store::{account_users, password_resets, user_sessions};
use crate::{Error, Result, Services};

use super::access::Scope;

/// How long a link works. Longer than Devise's 6 hours for reset emails: the link travels
/// by hand (chat, phone) and an invitee may open it days later.
pub const LINK_LIFETIME: TimeDelta = TimeDelta::days(7);

/// The dashboard page a link opens (Chatwoot's reset-password URL).
pub const SET_PASSWORD_PATH: &str = "/app/auth/password/edit";

/// A freshly issued link; the token in it is shown once and only its digest is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetPasswordLink {
    /// Whose link.
    pub user_id: i64,
    /// The secret token.
    pub token: String,
    /// The full URL, on the installation's public URL.
    pub url: String,
}

/// Issues a new link for a member of the account (administrators), replacing any earlier
/// one. Refused for someone who also belongs to another account: an administrator of one
/// account must not be able to take over a login that reaches other accounts.
pub async fn issue(svc: &Services, scope: &Scope, user_id: i64) -> Result<SetPasswordLink> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let memberships = account_users::list_for_user(tx.conn(), user_id).await?;
    if !memberships.iter().any(|m| m.account_id == scope.account_id) {
        return Err(Error::NotFound);
    }
    if memberships.iter().any(|m| m.account_id != scope.account_id) {
        return Err(Error::Unprocessable(
            "This person also belongs to another account: they keep their own password".into(),
        ));
    }
    let token = random_token(32);
    password_resets::set_token(tx.conn(), user_id, &sha256_hex(&token), crate::store::now())
        .await?;
    tx.commit().await?;
    Ok(SetPasswordLink {
        user_id,
        url: format!(
            "{}{SET_PASSWORD_PATH}?reset_password_token={token}",
            svc.public_url
        ),
        token,
    })
}

/// Sets the password of the link's owner, following the password rules; the link then stops
/// working, the email counts as confirmed and every existing session of that user ends.
/// Returns the user's id.
pub async fn redeem(
    svc: &Services,
    token: &str,
    password: &str,
    password_confirmation: &str,
) -> Result<i64> {
    let mut errors = Validation::default();
    check_password_rules(password, &mut errors);
    if password != password_confirmation {
        errors.push(
            "password_confirmation",
            "Password confirmation doesn't match Password",
        );
    }
    errors.finish()?;
    let invalid = || {
        Error::invalid(
            "reset_password_token",
            "This link is invalid or has expired. Ask an administrator for a new one.",
        )
    };
    let token = token.trim();
    if token.is_empty() {
        return Err(invalid());
    }
    let secret = password.to_owned();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&secret))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))??;
    let mut tx = svc.db.begin().await?;
    let (user_id, sent_at) = password_resets::find_by_digest(tx.conn(), &sha256_hex(token))
        .await?
        .ok_or_else(invalid)?;
    if sent_at.is_none_or(|at| at + LINK_LIFETIME < crate::store::now()) {
        return Err(invalid());
    }
    password_resets::redeem(tx.conn(), user_id, &password_hash).await?;
    // Whoever signed in with the old password is signed out.
    user_sessions::prune(tx.conn(), user_id, 0).await?;
    tx.commit().await?;
    Ok(user_id)
}
