//! `onechat-cable-bench`: measures `/cable` on one real `onechat` process over loopback:
//! - resident memory with N idle subscribed connections (total and per connection);
//! - delivery latency (p50/p95/p99) of one message broadcast to all N subscribers, from the
//!   moment the API request is sent to the moment each client has read the push;
//! - the sustained rate of `message.created` deliveries while messages are posted
//!   continuously.
//!
//! Every connection subscribes as the administrator (who receives every conversation's
//! events) with its own identifier, so the server builds and sends one frame per
//! subscription exactly as it would for N different agents. Run by hand:
//! `scripts/bench-cable` (see docs/PERFORMANCE.md).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use futures::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use onechat_bench::client::{Client, expect_ok};
use onechat_bench::seed;
use onechat_bench::server::{self, Server};
use onechat_bench::stats::Latencies;

#[derive(Debug, Parser)]
#[command(about = "Measure /cable: memory per idle connection, broadcast latency, delivery rate")]
struct Args {
    /// Subscribed connections.
    #[arg(long, default_value_t = 10_000)]
    connections: usize,
    /// Broadcasts timed for the latency percentiles.
    #[arg(long, default_value_t = 20)]
    broadcasts: usize,
    /// Seconds of continuous posting for the delivery rate.
    #[arg(long, default_value_t = 10)]
    sustained_seconds: u64,
    /// Connections posting messages during the sustained phase.
    #[arg(long, default_value_t = 2)]
    posters: usize,
    /// The onechat binary (default: next to this one).
    #[arg(long)]
    onechat: Option<PathBuf>,
    /// Where the SQLite file and the server log go.
    #[arg(long, default_value = "target/bench-cable")]
    work_dir: PathBuf,
}

/// What the subscriber tasks report.
struct Shared {
    ready: AtomicUsize,
    closed: AtomicUsize,
    deliveries: AtomicU64,
    rounds: mpsc::UnboundedSender<(usize, Instant)>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let binary = match &args.onechat {
        Some(path) => path.clone(),
        None => server::sibling_binary()?,
    };
    let database_url = seed::fresh_database("sqlite", &args.work_dir).await?;
    let seeded = seed::seed(
        &database_url,
        &seed::Sizes {
            contacts: 10,
            conversations: 10,
            messages: 10,
        },
    )
    .await?;
    let server = Server::start(&binary, &seeded.database_url, &args.work_dir.join("data")).await?;
    let token = seeded.access_token.as_str();
    let mut api = Client::connect(server.addr, token).await?;
    let profile = api.get("/api/v1/profile").await?;
    expect_ok(&profile, "profile")?;
    let profile: Value = serde_json::from_slice(&profile.body)?;
    let pubsub_token = profile["pubsub_token"]
        .as_str()
        .context("no pubsub token")?
        .to_owned();
    let user_id = profile["id"].as_i64().context("no user id")?;
    let messages_path = format!(
        "/api/v1/accounts/{}/conversations/1/messages",
        seeded.account_id
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (baseline, _) = server.memory_mib().context("no /proc memory")?;

    eprintln!("opening {} subscribed connections", args.connections);
    let (rounds_tx, mut rounds_rx) = mpsc::unbounded_channel();
    let shared = Arc::new(Shared {
        ready: AtomicUsize::new(0),
        closed: AtomicUsize::new(0),
        deliveries: AtomicU64::new(0),
        rounds: rounds_tx,
    });
    let opening = Instant::now();
    let mut handles = Vec::with_capacity(args.connections);
    for n in 0..args.connections {
        let identifier = json!({
            "channel": "RoomChannel", "pubsub_token": pubsub_token,
            "account_id": seeded.account_id, "user_id": user_id, "connection": n,
        })
        .to_string();
        handles.push(tokio::spawn(subscriber(
            server.addr,
            identifier,
            shared.clone(),
        )));
        // Keep the listen backlog from overflowing.
        while n + 1 - shared.ready.load(Ordering::Relaxed) - shared.closed.load(Ordering::Relaxed)
            > 256
        {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    }
    while shared.ready.load(Ordering::Relaxed) + shared.closed.load(Ordering::Relaxed)
        < args.connections
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let ready = shared.ready.load(Ordering::Relaxed);
    if ready < args.connections {
        bail!(
            "only {ready} of {} connections subscribed",
            args.connections
        );
    }
    let opened_in = opening.elapsed();
    // Let the allocator settle, then read the idle footprint.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (idle, _) = server.memory_mib().context("no /proc memory")?;
    let per_connection_kb = (idle - baseline) * 1024.0 * 1024.0 / 1000.0 / args.connections as f64;

    eprintln!("timing {} broadcasts", args.broadcasts);
    let mut latencies = Vec::new();
    let mut incomplete = 0;
    for round in 0..args.broadcasts {
        while rounds_rx.try_recv().is_ok() {}
        let sent = Instant::now();
        let reply = api
            .post(
                &messages_path,
                &json!({ "content": format!("bench-round-{round}:") }),
            )
            .await?;
        expect_ok(&reply, "post message")?;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        let mut got = 0;
        while got < args.connections {
            match tokio::time::timeout_at(deadline, rounds_rx.recv()).await {
                Ok(Some((r, at))) if r == round => {
                    latencies.push(at.duration_since(sent));
                    got += 1;
                }
                Ok(Some(_)) => {}
                _ => break,
            }
        }
        incomplete += args.connections - got;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let latencies = Latencies::new(latencies);

    eprintln!("posting for {} s", args.sustained_seconds);
    let before = shared.deliveries.load(Ordering::Relaxed);
    let window = Duration::from_secs(args.sustained_seconds);
    let started = Instant::now();
    let posted = Arc::new(AtomicUsize::new(0));
    let mut posters = Vec::new();
    for _ in 0..args.posters {
        let mut client = Client::connect(server.addr, token).await?;
        let path = messages_path.clone();
        let posted = posted.clone();
        posters.push(tokio::spawn(async move {
            while started.elapsed() < window {
                let reply = client
                    .post(&path, &json!({ "content": "sustained" }))
                    .await?;
                expect_ok(&reply, "post message")?;
                posted.fetch_add(1, Ordering::Relaxed);
            }
            anyhow::Ok(())
        }));
    }
    for poster in posters {
        poster.await??;
    }
    let delivered_in_window = shared.deliveries.load(Ordering::Relaxed) - before;
    let elapsed = started.elapsed().as_secs_f64();
    // Let the queues drain, then count what was dropped.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let delivered_total = shared.deliveries.load(Ordering::Relaxed) - before;
    let posted = posted.load(Ordering::Relaxed);
    let closed = shared.closed.load(Ordering::Relaxed);
    let (after, peak) = server.memory_mib().context("no /proc memory")?;

    println!();
    println!("| measurement | result |");
    println!("|---|---|");
    println!(
        "| {} subscribed connections opened | in {:.1} s |",
        args.connections,
        opened_in.as_secs_f64()
    );
    println!(
        "| server memory: before / with the idle connections | {baseline:.1} MiB / {idle:.1} MiB: **{per_connection_kb:.1} KB per connection** |"
    );
    println!(
        "| one message broadcast to {} subscribers ({} broadcasts, {} deliveries{}) | p50 {:.0} ms, p95 **{:.0} ms**, p99 {:.0} ms |",
        args.connections,
        args.broadcasts,
        latencies.len(),
        if incomplete > 0 {
            format!(", {incomplete} missing")
        } else {
            String::new()
        },
        latencies.ms(50.0),
        latencies.ms(95.0),
        latencies.ms(99.0)
    );
    println!(
        "| sustained: {posted} messages posted in {elapsed:.1} s ({:.0}/s) to {} subscribers | **{:.0} deliveries/s** in the window; {delivered_total} of {} delivered after draining; {closed} connections closed |",
        posted as f64 / elapsed,
        args.connections,
        delivered_in_window as f64 / elapsed,
        posted as u64 * args.connections as u64,
    );
    println!("| server memory after (RSS now / peak) | {after:.0} MiB / {peak:.0} MiB |");
    for handle in handles {
        handle.abort();
    }
    Ok(())
}

/// One subscriber: connects, subscribes, then reads pushes until the connection ends.
async fn subscriber(addr: SocketAddr, identifier: String, shared: Arc<Shared>) {
    if let Err(error) = subscribe_and_read(addr, &identifier, &shared).await {
        eprintln!("subscriber: {error:#}");
    }
    shared.closed.fetch_add(1, Ordering::Relaxed);
}

async fn subscribe_and_read(
    addr: SocketAddr,
    identifier: &str,
    shared: &Shared,
) -> anyhow::Result<()> {
    let mut request = format!("ws://{addr}/cable").into_client_request()?;
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", "actioncable-v1-json".parse()?);
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await?;
    let subscribe = json!({ "command": "subscribe", "identifier": identifier }).to_string();
    socket.send(Message::Text(subscribe.into())).await?;
    let mut confirmed = false;
    while let Some(message) = socket.next().await {
        let Message::Text(text) = message? else {
            continue;
        };
        let text = text.as_str();
        if !confirmed {
            if text.contains("confirm_subscription") {
                confirmed = true;
                shared.ready.fetch_add(1, Ordering::Relaxed);
            }
            continue;
        }
        if !text.contains(r#""event":"message.created""#) {
            continue;
        }
        let at = Instant::now();
        shared.deliveries.fetch_add(1, Ordering::Relaxed);
        if let Some(start) = text.find("bench-round-") {
            let digits = &text[start + "bench-round-".len()..];
            if let Some(end) = digits.find(':')
                && let Ok(round) = digits[..end].parse()
            {
                let _ = shared.rounds.send((round, at));
            }
        }
    }
    if !confirmed {
        bail!("the connection closed before the subscription was confirmed");
    }
    Ok(())
}
