//! The benchmark's account: a fresh database on the chosen backend, an administrator, two API
//! inboxes, five agents, and the seeded history.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use onechat_core::Services;
use onechat_core::db::provision::recreate_postgres_database;
use onechat_core::db::{Db, DbOptions};
use onechat_core::domain::Role;
use onechat_core::services::access::{Actor, Scope};
use onechat_core::services::seed::{SeedPlan, seed_account};
use onechat_core::services::setup::{self, NewAdmin, SetupMode};
use onechat_core::services::{agents, inboxes, secret_key};
use onechat_core::wire::agent::AgentParams;
use onechat_core::wire::inbox::{ChannelParams, InboxParams};

/// What the measurements need to know about the seeded account.
pub struct Seeded {
    pub database_url: String,
    pub account_id: i64,
    pub access_token: String,
    pub seconds: f64,
}

/// Sizes of the history.
pub struct Sizes {
    pub contacts: usize,
    pub conversations: usize,
    pub messages: usize,
}

/// Creates an empty database: a fresh SQLite file under `work_dir`, or a database
/// `onechat_bench` on the PostgreSQL server of `backend`.
pub async fn fresh_database(backend: &str, work_dir: &Path) -> anyhow::Result<String> {
    if backend == "sqlite" {
        std::fs::create_dir_all(work_dir)?;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(work_dir.join(format!("onechat.db{suffix}")));
        }
        return Ok(format!(
            "sqlite://{}",
            work_dir.join("onechat.db").display()
        ));
    }
    Ok(recreate_postgres_database(backend, "onechat_bench").await?)
}

pub async fn seed(database_url: &str, sizes: &Sizes) -> anyhow::Result<Seeded> {
    let db = Db::connect(database_url, &DbOptions::default())
        .await
        .context("cannot open the database")?;
    db.migrate().await?;
    let secret = secret_key::load_or_create(&db, None).await?;
    let svc = Services::new(db.clone(), secret);

    let admin = setup::create_account_with_admin(
        &svc,
        &NewAdmin {
            account_name: "Bench Inc".into(),
            name: "Ada Admin".into(),
            email: "admin@bench.example".into(),
            password: "Bench-passw0rd!".into(),
        },
        SetupMode::Scripted,
    )
    .await?;
    let account_id = admin.account.id;
    let scope = Scope::whole_account(
        account_id,
        Actor::User {
            id: admin.user.id,
            name: admin.user.name.clone(),
            role: Role::Administrator,
        },
    );
    let mut inbox_ids = Vec::new();
    for name in ["Orders API", "Billing API"] {
        let inbox = inboxes::create(
            &svc,
            &scope,
            &InboxParams {
                name: Some(name.into()),
                channel: Some(ChannelParams {
                    kind: Some("api".into()),
                    ..ChannelParams::default()
                }),
                ..InboxParams::default()
            },
        )
        .await?;
        inbox_ids.push(inbox.id);
    }
    let mut agent_ids = vec![admin.user.id];
    for n in 1..=4 {
        let agent = agents::create(
            &svc,
            &scope,
            &AgentParams {
                name: Some(format!("Agent {n}")),
                email: Some(format!("agent{n}@bench.example")),
                role: Some("agent".into()),
                password: Some("Bench-passw0rd!".into()),
                ..AgentParams::default()
            },
        )
        .await?;
        agent_ids.push(agent.id);
    }

    let plan = SeedPlan {
        contacts: sizes.contacts,
        conversations: sizes.conversations,
        messages: sizes.messages,
        inbox_ids,
        agent_ids,
        batch: 1_000,
        seed: 42,
    };
    let started = Instant::now();
    let mut next_report = 0.0;
    let done = seed_account(&svc, account_id, &plan, |p| {
        let share = p.conversations as f64 / plan.conversations.max(1) as f64;
        if share >= next_report {
            eprintln!(
                "  seeded {} contacts, {} conversations, {} messages ({:.0} s)",
                p.contacts,
                p.conversations,
                p.messages,
                started.elapsed().as_secs_f64()
            );
            next_report = share + 0.1;
        }
    })
    .await?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "  seeding done: {} conversations and {} messages in {seconds:.0} s",
        done.conversations, done.messages
    );
    db.close().await;
    Ok(Seeded {
        database_url: database_url.to_owned(),
        account_id,
        access_token: admin.access_token,
        seconds,
    })
}
