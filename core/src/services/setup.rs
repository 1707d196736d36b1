//! Creating an account with its first administrator: the first-run page and
//! `onechat create-admin`.

use crate::domain::Role;
use crate::error::Validation;
use crate::events::Event;
use crate::secrets::{check_password_rules, hash_password, random_token};
use crate::store::access_tokens::{self, Owner};
use crate::store::accounts::{self, Account};
use crate::store::users::{self, NewUser, User};
use crate::store::{account_users, installation};
use crate::wire::session::InstallationState;
use crate::{Error, Result, Services};

use super::validate;

/// The form of the first-run page and the flags of `create-admin`.
#[derive(Debug, Clone)]
pub struct NewAdmin {
    /// Company or team name.
    pub account_name: String,
    /// The administrator's full name.
    pub name: String,
    /// The administrator's login email.
    pub email: String,
    /// The administrator's password (checked against the password rules).
    pub password: String,
}

/// Who is creating the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupMode {
    /// The first-run page: refused once any account exists.
    FirstRun,
    /// The CLI: may add further accounts at any time.
    Scripted,
}

/// What was created.
#[derive(Debug, Clone)]
pub struct CreatedAdmin {
    /// The new account.
    pub account: Account,
    /// Its administrator.
    pub user: User,
    /// The administrator's API token.
    pub access_token: String,
}

/// Marks that the first-run page has been used. Unique, so two simultaneous first runs
/// cannot both succeed.
const FIRST_RUN_DONE: &str = "first_run_setup_done";

/// Whether the first-run page should be offered.
pub async fn installation_state(svc: &Services) -> Result<InstallationState> {
    let any = accounts::any_exist(svc.db.read().await?.conn()).await?;
    Ok(InstallationState { needs_setup: !any })
}

/// Creates an account and its first administrator in one transaction.
pub async fn create_account_with_admin(
    svc: &Services,
    input: &NewAdmin,
    mode: SetupMode,
) -> Result<CreatedAdmin> {
    let mut errors = Validation::default();
    let account_name = validate::required_text(
        &input.account_name,
        "account_name",
        "Account name",
        255,
        &mut errors,
    );
    let name = validate::required_text(&input.name, "name", "Name", 255, &mut errors);
    let email = validate::email(&input.email, &mut errors);
    check_password_rules(&input.password, &mut errors);
    errors.finish()?;

    let password = input.password.clone();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| Error::Internal(format!("hashing task: {e}")))??;

    let mut tx = svc.db.begin().await?;
    let first_marker = installation::insert_if_absent(tx.conn(), FIRST_RUN_DONE, "true").await?;
    if mode == SetupMode::FirstRun && (!first_marker || accounts::any_exist(tx.conn()).await?) {
        return Err(Error::AlreadySetUp);
    }
    if users::find_by_email(tx.conn(), &email).await?.is_some() {
        return Err(Error::invalid("email", "Email has already been taken"));
    }
    let account = accounts::insert(tx.conn(), &account_name, "en").await?;
    let new_user = NewUser {
        name: &name,
        email: &email,
        password_hash: &password_hash,
        pubsub_token: &random_token(24),
        confirmed_at: Some(crate::store::now()),
    };
    let user = match users::insert(tx.conn(), &new_user).await {
        // A concurrent sign-up with the same email got there first.
        Err(e) if e.is_unique_violation() => {
            return Err(Error::invalid("email", "Email has already been taken"));
        }
        other => other?,
    };
    account_users::insert(tx.conn(), account.id, user.id, Role::Administrator, None).await?;
    let access_token = random_token(24);
    access_tokens::insert(tx.conn(), Owner::User(user.id), &access_token).await?;
    tx.commit().await?;

    svc.events.publish(Event {
        account_id: account.id,
        name: "account.created",
        data: serde_json::json!({ "id": account.id, "name": account.name }),
    });
    Ok(CreatedAdmin {
        account,
        user,
        access_token,
    })
}
