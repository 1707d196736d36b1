//! Storage-level guarantees that every feature relies on, on the selected backend.

use onechat_core::db::Backend;
use onechat_core::services::setup::{self, NewAdmin, SetupMode};
use onechat_core::store::accounts;
use onechat_core::testing::TestDb;
use onechat_core::{execute, on_conn};

/// The tables the product needs (issue: foundation), present on both backends.
const TABLES: &[&str] = &[
    "accounts",
    "users",
    "account_users",
    "access_tokens",
    "user_sessions",
    "installation_configs",
    "inboxes",
    "channel_web_widgets",
    "channel_api",
    "inbox_members",
    "working_hours",
    "agent_bots",
    "agent_bot_inboxes",
    "contacts",
    "contact_inboxes",
    "conversations",
    "conversation_participants",
    "mentions",
    "notes",
    "messages",
    "attachments",
    "teams",
    "team_members",
    "labels",
    "taggings",
    "canned_responses",
    "custom_attribute_definitions",
    "custom_filters",
    "macros",
    "automation_rules",
    "campaigns",
    "csat_survey_responses",
    "reporting_events",
    "notifications",
    "notification_settings",
    "webhooks",
    "audit_logs",
    "sla_policies",
    "applied_slas",
    "sla_events",
    "data_imports",
];

#[tokio::test]
async fn migrations_create_every_table() {
    let test = TestDb::new().await;
    let mut handle = test.db.read().await.unwrap();
    let sql = match test.backend() {
        Backend::Sqlite => "select name from sqlite_master where type = 'table'",
        Backend::Postgres => "select tablename::text from pg_tables where schemaname = 'public'",
    };
    let names: Vec<String> = on_conn!(handle.conn(), |c| sqlx::query_scalar(sql)
        .fetch_all(&mut *c)
        .await)
    .unwrap();
    for table in TABLES {
        assert!(names.iter().any(|n| n == table), "missing table {table}");
    }
}

#[tokio::test]
async fn concurrent_display_ids_are_distinct_and_per_account() {
    let test = TestDb::new().await;
    let svc = test.services();
    let a = setup::create_account_with_admin(&svc, &admin("a@example.com"), SetupMode::Scripted)
        .await
        .unwrap();
    let b = setup::create_account_with_admin(&svc, &admin("b@example.com"), SetupMode::Scripted)
        .await
        .unwrap();

    let mut tasks = Vec::new();
    for i in 0..24 {
        let db = test.db.clone();
        let account_id = if i % 2 == 0 {
            a.account.id
        } else {
            b.account.id
        };
        tasks.push(tokio::spawn(async move {
            let mut tx = db.begin().await.unwrap();
            let id = accounts::next_conversation_display_id(tx.conn(), account_id)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            (account_id, id)
        }));
    }
    let mut per_account: std::collections::HashMap<i64, Vec<i64>> = Default::default();
    for task in tasks {
        let (account, id) = task.await.unwrap();
        per_account.entry(account).or_default().push(id);
    }
    for ids in per_account.values_mut() {
        ids.sort();
        assert_eq!(
            *ids,
            (1..=12).collect::<Vec<i64>>(),
            "each account counts 1..=12 without gaps"
        );
    }
}

#[tokio::test]
async fn a_failed_transaction_leaves_nothing_behind() {
    let test = TestDb::new().await;
    {
        let mut tx = test.db.begin().await.unwrap();
        accounts::insert(tx.conn(), "Doomed", "en").await.unwrap();
        // Dropped without commit.
    }
    let mut handle = test.db.read().await.unwrap();
    assert!(!accounts::any_exist(handle.conn()).await.unwrap());
}

#[tokio::test]
async fn deleting_an_account_cascades_to_its_members() {
    let test = TestDb::new().await;
    let svc = test.services();
    let created =
        setup::create_account_with_admin(&svc, &admin("a@example.com"), SetupMode::Scripted)
            .await
            .unwrap();
    let mut tx = test.db.begin().await.unwrap();
    let deleted = execute!(
        tx.conn(),
        sqlx::query("delete from accounts where id = $1").bind(created.account.id)
    )
    .unwrap();
    assert_eq!(deleted, 1);
    let members: i64 = on_conn!(tx.conn(), |c| {
        sqlx::query_scalar("select count(*) from account_users")
            .fetch_one(&mut *c)
            .await
    })
    .unwrap();
    assert_eq!(members, 0, "foreign keys cascade on this backend");
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn sqlite_checkpoints_the_wal_in_the_background() {
    let test = TestDb::new().await;
    if test.backend() != Backend::Sqlite {
        return; // PostgreSQL has no WAL file to manage.
    }
    let path = std::path::PathBuf::from(test.url.trim_start_matches("sqlite://"));
    let main_file = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let wal_file = || {
        std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    let mut tx = test.db.begin().await.unwrap();
    for n in 0..2_000 {
        accounts::insert(tx.conn(), &format!("Account {n} {}", "x".repeat(200)), "en")
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let before = main_file();
    assert!(wal_file() > 400_000, "the commit appended to the WAL only");

    // The checkpointer runs every second; give it a few.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while main_file() < before + 400_000 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        main_file() >= before + 400_000,
        "the WAL was copied into the database file ({} -> {} bytes)",
        before,
        main_file()
    );
    let mut handle = test.db.read().await.unwrap();
    let count: i64 = on_conn!(handle.conn(), |c| {
        sqlx::query_scalar("select count(*) from accounts")
            .fetch_one(&mut *c)
            .await
    })
    .unwrap();
    assert_eq!(count, 2_000);
}

fn admin(email: &str) -> NewAdmin {
    NewAdmin {
        account_name: "Acme".into(),
        name: "Ada".into(),
        email: email.into(),
        password: "Passw0rd!".into(),
    }
}
