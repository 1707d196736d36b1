//! The `onechat` server under test, started as its own process on a free loopback port.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::client::Client;

/// A running server; stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `binary serve` on `database_url` with its default logging (into
    /// `data_dir/onechat.log`) and waits until `/health` answers.
    pub async fn start(
        binary: &Path,
        database_url: &str,
        data_dir: &Path,
    ) -> anyhow::Result<Server> {
        let addr = free_port()?;
        std::fs::create_dir_all(data_dir)?;
        let log = std::fs::File::create(data_dir.join("onechat.log"))?;
        let child = Command::new(binary)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("ONECHAT_ADDR", addr.to_string())
            .env("ONECHAT_DATA_DIR", data_dir)
            // The benchmarks open thousands of connections from one address.
            .env("ONECHAT_CABLE_MAX_PER_IP", "0")
            .env_remove("RUST_LOG")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("onechat exited at start: {status}");
            }
            if let Ok(mut client) = Client::connect(addr, "").await
                && let Ok(reply) = client.get("/health").await
                && reply.status.is_success()
            {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("onechat did not become healthy within 30 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Resident memory now and at its peak, in MiB (Linux only).
    pub fn memory_mib(&self) -> Option<(f64, f64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let field = |name: &str| -> Option<f64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib / 1024.0)
        };
        Some((field("VmRSS:")?, field("VmHWM:")?))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `onechat` binary built next to this one (`cargo build --release` puts both in the same
/// directory).
pub fn sibling_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe()?;
    let binary = me
        .parent()
        .context("no directory for the bench binary")?
        .join("onechat");
    if !binary.exists() {
        bail!(
            "{} not found: build it with `cargo build --release -p onechat-server -p onechat-bench`, or pass --onechat",
            binary.display()
        );
    }
    Ok(binary)
}

fn free_port() -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}
