//! `onechat-bench`: seeds an account with a large history (100,000 conversations and
//! 1,000,000 messages by default) on SQLite or PostgreSQL, starts the real `onechat` server on
//! it as its own process, and measures over loopback HTTP:
//! - messages created per second through `POST …/conversations/{id}/messages`, from several
//!   keep-alive connections at once;
//! - p50/p95 latency of the first page of the conversation list, and of a contact search.
//!
//! Run by hand, not in the test suite: `scripts/bench` (see docs/PERFORMANCE.md).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::bail;
use clap::Parser;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use onechat_bench::client::{Client, expect_ok};
use onechat_bench::seed;
use onechat_bench::server::{self, Server};
use onechat_bench::stats::Latencies;

#[derive(Debug, Parser)]
#[command(about = "Seed a large account and measure the onechat server over HTTP")]
struct Args {
    /// `sqlite` (a fresh file under --work-dir) or a PostgreSQL server URL (the database
    /// `onechat_bench` on it is dropped and recreated).
    #[arg(long, default_value = "sqlite")]
    backend: String,
    /// Contacts to seed.
    #[arg(long, default_value_t = 50_000)]
    contacts: usize,
    /// Conversations to seed.
    #[arg(long, default_value_t = 100_000)]
    conversations: usize,
    /// Messages to seed.
    #[arg(long, default_value_t = 1_000_000)]
    messages: usize,
    /// Timed requests per latency measurement.
    #[arg(long, default_value_t = 300)]
    samples: usize,
    /// Messages to create in the throughput measurement.
    #[arg(long, default_value_t = 10_000)]
    message_requests: usize,
    /// Connections creating messages at once.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// The onechat binary (default: next to this one).
    #[arg(long)]
    onechat: Option<PathBuf>,
    /// Where the SQLite file, uploads and the server log go.
    #[arg(long, default_value = "target/bench")]
    work_dir: PathBuf,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let binary = match &args.onechat {
        Some(path) => path.clone(),
        None => server::sibling_binary()?,
    };
    let backend_name = if args.backend == "sqlite" {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    eprintln!("{backend_name}: seeding");
    let database_url = seed::fresh_database(&args.backend, &args.work_dir).await?;
    let seeded = seed::seed(
        &database_url,
        &seed::Sizes {
            contacts: args.contacts,
            conversations: args.conversations,
            messages: args.messages,
        },
    )
    .await?;

    eprintln!("{backend_name}: starting {}", binary.display());
    let server = Server::start(&binary, &seeded.database_url, &args.work_dir.join("data")).await?;
    let account = format!("/api/v1/accounts/{}", seeded.account_id);
    let token = seeded.access_token.as_str();

    eprintln!("{backend_name}: conversation list");
    let list = latencies(
        &server,
        token,
        &[format!("{account}/conversations")],
        args.samples,
    )
    .await?;
    let list_all = latencies(
        &server,
        token,
        &[format!(
            "{account}/conversations?status=all&sort_by=created_at_asc"
        )],
        args.samples,
    )
    .await?;
    eprintln!("{backend_name}: contact search");
    let searches: Vec<String> = [
        "hopper",
        "grace.hopper1234",
        "Ada%20Lovelace",
        "%2B15550004242",
        "knuth",
        "example.com",
    ]
    .iter()
    .map(|q| format!("{account}/contacts/search?q={q}"))
    .collect();
    let search = latencies(&server, token, &searches, args.samples).await?;

    eprintln!("{backend_name}: creating messages");
    let started = Instant::now();
    let created = create_messages(&server, token, &account, &args).await?;
    let rate = created.len() as f64 / started.elapsed().as_secs_f64();

    eprintln!("{backend_name}: conversation list after the writes");
    let list_after = latencies(
        &server,
        token,
        &[format!("{account}/conversations")],
        args.samples,
    )
    .await?;
    let memory = server.memory_mib();

    println!();
    println!(
        "{backend_name}: {} contacts, {} conversations, {} messages seeded in {:.0} s",
        args.contacts, args.conversations, args.messages, seeded.seconds
    );
    println!("| measurement | result |");
    println!("|---|---|");
    println!(
        "| messages created via API ({} requests, {} connections) | **{rate:.0}/s** (p50 {:.1} ms, p95 {:.1} ms) |",
        created.len(),
        args.concurrency,
        created.ms(50.0),
        created.ms(95.0)
    );
    for (name, lat) in [
        ("conversation list, first page (open, all assignees)", &list),
        (
            "conversation list, first page (all statuses, oldest first)",
            &list_all,
        ),
        (
            "conversation list, first page, after the writes",
            &list_after,
        ),
        ("contact search (6 terms, rotating)", &search),
    ] {
        println!(
            "| {name} ({} requests) | p50 {:.1} ms, p95 **{:.1} ms** |",
            lat.len(),
            lat.ms(50.0),
            lat.ms(95.0)
        );
    }
    if let Some((now, peak)) = memory {
        println!("| server memory (RSS now / peak) | {now:.0} MiB / {peak:.0} MiB |");
    }
    Ok(())
}

/// Times `samples` sequential GETs over one connection, cycling through `paths`, after a
/// short warm-up.
async fn latencies(
    server: &Server,
    token: &str,
    paths: &[String],
    samples: usize,
) -> anyhow::Result<Latencies> {
    let mut client = Client::connect(server.addr, token).await?;
    for path in paths.iter().cycle().take(paths.len() * 3) {
        expect_ok(&client.get(path).await?, path)?;
    }
    let mut took = Vec::with_capacity(samples);
    for path in paths.iter().cycle().take(samples) {
        let reply = client.get(path).await?;
        expect_ok(&reply, path)?;
        took.push(reply.took);
    }
    Ok(Latencies::new(took))
}

/// Creates `--message-requests` messages in random conversations from `--concurrency`
/// connections; alternates incoming and outgoing so the conversation rules (reopening,
/// waiting time, first reply) run too.
async fn create_messages(
    server: &Server,
    token: &str,
    account: &str,
    args: &Args,
) -> anyhow::Result<Latencies> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for worker in 0..args.concurrency {
        let mut client = Client::connect(server.addr, token).await?;
        let next = next.clone();
        let account = account.to_owned();
        let total = args.message_requests;
        let conversations = args.conversations as i64;
        workers.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(worker as u64);
            let mut took = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let display_id = rng.random_range(1..=conversations);
                let body = json!({
                    "content": format!("Benchmark message {n}"),
                    "message_type": if n.is_multiple_of(2) { "incoming" } else { "outgoing" },
                });
                let path = format!("{account}/conversations/{display_id}/messages");
                let reply = client.post(&path, &body).await?;
                expect_ok(&reply, &path)?;
                took.push(reply.took);
            }
            anyhow::Ok(took)
        }));
    }
    let mut took = Vec::new();
    for worker in workers {
        took.extend(worker.await??);
    }
    if took.len() != args.message_requests {
        bail!(
            "only {} of {} messages were created",
            took.len(),
            args.message_requests
        );
    }
    Ok(Latencies::new(took))
}
