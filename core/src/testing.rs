//! Test support: a fresh, migrated database per test, on the backend the run was asked for.
//!
//! `ONECHAT_TEST_DATABASE` picks the backend: unset or `sqlite` gives a real SQLite file in a
//! temporary directory; a `postgres://…` URL (of a database the user may create databases
//! from) gives a new PostgreSQL database cloned from a migrated template, dropped when the
//! test ends. The template is named after the migrations' checksums, so it is rebuilt only
//! when a migration changes.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, PgConnection};

use crate::db::provision::with_database;
use crate::db::{Backend, Db, DbOptions};
use crate::secrets::SecretKey;
use crate::services::Services;

/// The environment variable that selects the test backend.
pub const BACKEND_ENV: &str = "ONECHAT_TEST_DATABASE";

/// Serialises template creation across concurrent test processes.
const TEMPLATE_LOCK: i64 = 0x006f_6e65_6368_6174;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A migrated database that disappears with this value.
pub struct TestDb {
    /// The database.
    pub db: Db,
    /// The URL it was opened with (for code under test that connects itself).
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(PathBuf),
    Database { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh database on the backend named by [`BACKEND_ENV`].
    pub async fn new() -> TestDb {
        match std::env::var(BACKEND_ENV)
            .ok()
            .filter(|v| !v.is_empty() && v != "sqlite")
        {
            Some(admin_url) => Self::postgres(&admin_url).await,
            None => Self::sqlite().await,
        }
    }

    /// The backend of this run.
    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Services over this database with a fixed test secret key.
    pub fn services(&self) -> Services {
        Services::new(
            self.db.clone(),
            SecretKey::new(b"test-secret-key-test-secret-key-0123".to_vec()),
        )
    }

    async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(unique_name("onechat-test"));
        std::fs::create_dir_all(&dir).expect("create test directory");
        let url = format!("sqlite://{}", dir.join("onechat.db").display());
        let db = Db::connect(&url, &DbOptions::default())
            .await
            .expect("open test SQLite");
        db.migrate().await.expect("migrate test SQLite");
        TestDb {
            db,
            url,
            cleanup: Cleanup::Directory(dir),
        }
    }

    async fn postgres(admin_url: &str) -> TestDb {
        let admin_options = PgConnectOptions::from_str(admin_url).expect("test PostgreSQL URL");
        let mut admin = admin_options
            .connect()
            .await
            .expect("connect to test PostgreSQL");
        let template = format!("onechat_tpl_{:016x}", migrations_checksum());
        let name = unique_name("onechat_test");

        sqlx::query("select pg_advisory_lock($1)")
            .bind(TEMPLATE_LOCK)
            .execute(&mut admin)
            .await
            .expect("lock");
        let exists: Option<i32> =
            sqlx::query_scalar("select 1 from pg_database where datname = $1")
                .bind(&template)
                .fetch_optional(&mut admin)
                .await
                .expect("look for template");
        if exists.is_none() {
            let stale: Vec<String> = sqlx::query_scalar(
                "select datname from pg_database where datname like 'onechat\\_tpl\\_%'",
            )
            .fetch_all(&mut admin)
            .await
            .expect("list templates");
            for old in stale {
                let _ = sqlx::query(AssertSqlSafe(format!("drop database if exists \"{old}\"")))
                    .execute(&mut admin)
                    .await;
            }
            sqlx::query(AssertSqlSafe(format!("create database \"{template}\"")))
                .execute(&mut admin)
                .await
                .expect("create template");
            let template_url = with_database(admin_url, &template);
            let db = Db::connect(
                &template_url,
                &DbOptions {
                    max_connections: 1,
                    ..Default::default()
                },
            )
            .await
            .expect("open template");
            db.migrate().await.expect("migrate template");
            db.close().await;
        }
        sqlx::query(AssertSqlSafe(format!(
            "create database \"{name}\" template \"{template}\""
        )))
        .execute(&mut admin)
        .await
        .expect("create test database");
        sqlx::query("select pg_advisory_unlock($1)")
            .bind(TEMPLATE_LOCK)
            .execute(&mut admin)
            .await
            .expect("unlock");
        let _ = admin.close().await;

        let url = with_database(admin_url, &name);
        let db = Db::connect(&url, &DbOptions::default())
            .await
            .expect("open test database");
        TestDb {
            db,
            url,
            cleanup: Cleanup::Database {
                admin_url: admin_url.to_owned(),
                name,
            },
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime, which cannot be blocked on: use a
                // thread with its own.
                let _ = std::thread::spawn(move || {
                    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    runtime.block_on(async move {
                        if let Ok(mut admin) = PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(AssertSqlSafe(format!(
                                "drop database if exists \"{name}\" with (force)"
                            )))
                            .execute(&mut admin)
                            .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// Names unique across processes and within one.
fn unique_name(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{nanos}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// `admin_url` with its database name replaced by `database`.
fn migrations_checksum() -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for migration in sqlx::migrate!("../migrations/postgres").iter() {
        migration.version.hash(&mut hasher);
        migration.checksum.hash(&mut hasher);
    }
    hasher.finish()
}

/// Adds a confirmed user (password `Passw0rd!`) to an account with `role`; returns the user id
/// and their API token. For tests that need a second member before the agents API is used.
pub async fn add_member(
    svc: &Services,
    account_id: i64,
    email: &str,
    role: crate::domain::Role,
) -> crate::Result<(i64, String)> {
    use crate::secrets::{hash_password, random_token};
    use crate::store::access_tokens::{self, Owner};
    use crate::store::{account_users, users};

    let hash = hash_password("Passw0rd!")?;
    let token = random_token(24);
    let mut tx = svc.db.begin().await?;
    let new = users::NewUser {
        name: email.split('@').next().unwrap_or(email),
        email,
        password_hash: &hash,
        pubsub_token: &random_token(24),
        confirmed_at: Some(crate::store::now()),
    };
    let user = users::insert(tx.conn(), &new).await?;
    account_users::insert(tx.conn(), account_id, user.id, role, None).await?;
    access_tokens::insert(tx.conn(), Owner::User(user.id), &token).await?;
    tx.commit().await?;
    Ok((user.id, token))
}
