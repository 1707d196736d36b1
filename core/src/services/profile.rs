//! The signed-in user's own view of themselves: Chatwoot's user JSON and the dashboard's
//! session summary, and the changes they make to their profile, password, availability and
//! API token.

use crate::domain::{Availability, Role};
use crate::error::Validation;
use crate::secrets::{check_password_rules, hash_password, random_token, verify_password};
use crate::store::access_tokens::{self, Owner};
use crate::store::account_users::{self, MemberSettings, Membership};
use crate::store::users::{self, ProfileFields, User};
use crate::wire::profile::{
    ActiveAccountParams, AutoOfflineParams, AvailabilityParams, ProfileParams,
};
use crate::wire::session::{SessionAccount, SessionUser};
use crate::wire::user::{AccountMembership, UserProfile};
use crate::{Error, Result, Services};

use super::uploads::Upload;
use super::{agents, avatars, validate};

/// The user JSON of `/auth/sign_in`, `/auth/validate_token` and `/api/v1/profile`.
/// `account_id` and `role` describe the first account unless `current_account` names another
/// account of the user's.
pub async fn user_profile(
    svc: &Services,
    user: &User,
    current_account: Option<i64>,
) -> Result<UserProfile> {
    let mut handle = svc.db.read().await?;
    let memberships = account_users::list_for_user(handle.conn(), user.id).await?;
    let access_token = access_tokens::find_for_owner(handle.conn(), Owner::User(user.id))
        .await?
        .unwrap_or_default();
    let current = current_account
        .and_then(|id| memberships.iter().find(|m| m.account_id == id))
        .or(memberships.first());
    Ok(UserProfile {
        access_token,
        account_id: current.map(|m| m.account_id),
        available_name: user.available_name().to_owned(),
        avatar_url: avatars::url(&svc.public_url, user.avatar_path.as_deref()),
        confirmed: user.confirmed_at.is_some(),
        display_name: user.display_name.clone(),
        message_signature: user.message_signature.clone(),
        email: user.email.clone(),
        id: user.id,
        inviter_id: current.and_then(|m| m.inviter_id),
        name: user.name.clone(),
        provider: user.provider.clone(),
        pubsub_token: user.pubsub_token.clone(),
        role: current.map(|m| m.role),
        ui_settings: user.ui_settings.0.clone(),
        uid: user.uid.clone(),
        kind: user.kind.clone(),
        custom_attributes: user.custom_attributes.0.clone(),
        accounts: memberships.iter().map(membership_json).collect(),
    })
}

/// What the dashboard shell shows about the signed-in user.
pub async fn session_user(svc: &Services, user: &User) -> Result<SessionUser> {
    let memberships = account_users::list_for_user(svc.db.read().await?.conn(), user.id).await?;
    Ok(SessionUser {
        id: user.id,
        name: user.name.clone(),
        available_name: user.available_name().to_owned(),
        email: user.email.clone(),
        avatar_url: avatars::url(&svc.public_url, user.avatar_path.as_deref()),
        accounts: memberships
            .into_iter()
            .map(|m| SessionAccount {
                id: m.account_id,
                name: m.account_name,
                role: m.role,
                availability: m.availability,
                locale: m.account_locale,
            })
            .collect(),
    })
}

fn membership_json(m: &Membership) -> AccountMembership {
    AccountMembership {
        id: m.account_id,
        name: m.account_name.clone(),
        status: m.account_status,
        active_at: m.active_at.map(|at| at.to_rfc3339()),
        role: m.role,
        permissions: vec![
            match m.role {
                Role::Administrator => "administrator",
                Role::Agent => "agent",
            }
            .to_owned(),
        ],
        availability: m.availability,
        availability_status: m.availability,
        auto_offline: m.auto_offline,
    }
}

/// Changes the user's own profile; absent fields keep their value. A new password needs the
/// current one, follows the password rules and must equal `password_confirmation` when that
/// is given.
pub async fn update(svc: &Services, user: &User, params: &ProfileParams) -> Result<UserProfile> {
    let new_password = params.password.as_deref().filter(|p| !p.is_empty());
    let mut errors = Validation::default();
    if let Some(password) = new_password {
        // Checked first and alone, as Chatwoot does: nothing else matters with a wrong one.
        let current = params.current_password.clone().unwrap_or_default();
        let hash = users::find_password_hash(svc.db.read().await?.conn(), user.id)
            .await?
            .unwrap_or_default();
        if !blocking(move || Ok(verify_password(&current, &hash))).await? {
            return Err(Error::invalid(
                "current_password",
                "Invalid current password",
            ));
        }
        check_password_rules(password, &mut errors);
        if params
            .password_confirmation
            .as_deref()
            .is_some_and(|confirmation| confirmation != password)
        {
            errors.push(
                "password_confirmation",
                "Password confirmation doesn't match Password",
            );
        }
    }
    let fields = ProfileFields {
        name: match &params.name {
            Some(name) => validate::required_text(name, "name", "Name", 255, &mut errors),
            None => user.name.clone(),
        },
        display_name: match &params.display_name {
            Some(display) => Some(display.trim().to_owned()).filter(|d| !d.is_empty()),
            None => user.display_name.clone(),
        },
        email: match &params.email {
            Some(email) => validate::email(email, &mut errors),
            None => user.email.clone(),
        },
        message_signature: match &params.message_signature {
            Some(signature) => Some(signature.clone()).filter(|s| !s.trim().is_empty()),
            None => user.message_signature.clone(),
        },
        ui_settings: match &params.ui_settings {
            Some(settings @ serde_json::Value::Object(_)) => settings.clone(),
            Some(_) => {
                errors.push("ui_settings", "Ui settings is invalid");
                serde_json::Value::Null
            }
            None => user.ui_settings.0.clone(),
        },
    };
    errors.finish()?;
    let password_hash = match new_password {
        Some(password) => {
            let password = password.to_owned();
            Some(blocking(move || hash_password(&password)).await?)
        }
        None => None,
    };

    let mut tx = svc.db.begin().await?;
    if fields.email != user.email
        && users::find_by_email(tx.conn(), &fields.email)
            .await?
            .is_some_and(|other| other.id != user.id)
    {
        return Err(email_taken());
    }
    let updated = match users::update_profile(tx.conn(), user.id, &fields).await {
        // Someone took the address in between.
        Err(e) if e.is_unique_violation() => return Err(email_taken()),
        other => other?,
    };
    if let Some(hash) = &password_hash {
        users::set_password_hash(tx.conn(), user.id, hash).await?;
    }
    tx.commit().await?;
    user_profile(svc, &updated, None).await
}

/// Sets the user's availability in one of their accounts.
pub async fn set_availability(
    svc: &Services,
    user: &User,
    params: &AvailabilityParams,
) -> Result<UserProfile> {
    let account_id = params
        .account_id
        .ok_or_else(|| Error::MissingParam("account_id".into()))?;
    let mut errors = Validation::default();
    let availability = validate::choice::<Availability>(
        params.availability.as_deref(),
        "availability",
        "Availability",
        &mut errors,
    );
    if params.availability.is_none() {
        errors.push("availability", "Availability can't be blank");
    }
    errors.finish()?;
    change_settings(svc, user, account_id, |settings| {
        settings.availability = availability.unwrap_or(settings.availability);
    })
    .await
}

/// Sets whether the user goes offline automatically in one of their accounts (absent means
/// false, as in Chatwoot).
pub async fn set_auto_offline(
    svc: &Services,
    user: &User,
    params: &AutoOfflineParams,
) -> Result<UserProfile> {
    let account_id = params
        .account_id
        .ok_or_else(|| Error::MissingParam("account_id".into()))?;
    let auto_offline = params.auto_offline.unwrap_or(false);
    change_settings(svc, user, account_id, |settings| {
        settings.auto_offline = auto_offline;
    })
    .await
}

/// Records that the user now works in one of their accounts.
pub async fn set_active_account(
    svc: &Services,
    user: &User,
    params: &ActiveAccountParams,
) -> Result<()> {
    let account_id = params
        .account_id
        .ok_or_else(|| Error::MissingParam("account_id".into()))?;
    let mut tx = svc.db.begin().await?;
    if !account_users::touch_active_at(tx.conn(), account_id, user.id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// [`update`], and with `avatar` the new profile picture (see [`avatars`] for what is
/// accepted). The picture is checked before anything is saved; the one it replaces is
/// deleted.
pub async fn update_with_avatar(
    svc: &Services,
    user: &User,
    params: &ProfileParams,
    avatar: Option<&Upload>,
) -> Result<UserProfile> {
    let Some(upload) = avatar else {
        return update(svc, user, params).await;
    };
    let staged = avatars::stage(svc, upload).await?;
    let saved = match update(svc, user, params).await {
        Ok(_) => point_avatar(svc, user.id, Some(&staged.relative)).await,
        Err(err) => Err(err),
    };
    match saved {
        Ok(replaced) => avatars::remove(svc, replaced.as_deref()).await,
        Err(err) => {
            staged.discard().await;
            return Err(err);
        }
    }
    reload_profile(svc, user.id).await
}

/// Removes the user's profile picture (Chatwoot's `DELETE /profile/avatar`).
pub async fn remove_avatar(svc: &Services, user: &User) -> Result<UserProfile> {
    let replaced = point_avatar(svc, user.id, None).await?;
    avatars::remove(svc, replaced.as_deref()).await;
    reload_profile(svc, user.id).await
}

/// Stores the new avatar path; the old one comes back so its file can go.
async fn point_avatar(svc: &Services, user_id: i64, path: Option<&str>) -> Result<Option<String>> {
    let mut tx = svc.db.begin().await?;
    let replaced = users::set_avatar_path(tx.conn(), user_id, path)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(replaced)
}

async fn reload_profile(svc: &Services, user_id: i64) -> Result<UserProfile> {
    let user = users::find(svc.db.read().await?.conn(), user_id)
        .await?
        .ok_or(Error::NotFound)?;
    user_profile(svc, &user, None).await
}

/// Replaces the user's API access token; the old one stops working at once.
pub async fn reset_access_token(svc: &Services, user: &User) -> Result<UserProfile> {
    let mut tx = svc.db.begin().await?;
    access_tokens::replace(tx.conn(), Owner::User(user.id), &random_token(24)).await?;
    tx.commit().await?;
    user_profile(svc, user, None).await
}

/// Changes the user's membership settings in an account they belong to, and announces the
/// agent as the account now sees them.
async fn change_settings(
    svc: &Services,
    user: &User,
    account_id: i64,
    change: impl FnOnce(&mut MemberSettings),
) -> Result<UserProfile> {
    let mut tx = svc.db.begin().await?;
    let current = account_users::find(tx.conn(), account_id, user.id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut settings = MemberSettings {
        role: current.role,
        availability: current.availability,
        auto_offline: current.auto_offline,
    };
    change(&mut settings);
    account_users::update(tx.conn(), account_id, user.id, &settings).await?;
    let row = account_users::find_agent(tx.conn(), account_id, user.id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    agents::announce(svc, account_id, "agent.updated", &agents::to_wire(svc, row));
    user_profile(svc, user, Some(account_id)).await
}

fn email_taken() -> Error {
    Error::invalid("email", "Email has already been taken")
}

/// Runs CPU-heavy password work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Internal(format!("password task: {e}")))?
}
