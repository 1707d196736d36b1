//! `onechat serve`: open and migrate the database, build the state, listen, and shut down
//! gracefully on Ctrl-C or SIGTERM (in-flight requests finish, then connections close).

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use onechat_core::Services;
use onechat_core::db::{Db, DbOptions};
use onechat_core::services::secret_key;

use crate::cable::Cable;
use crate::config::ServeConfig;
use crate::metrics::Metrics;
use crate::router::router;
use crate::state::AppState;

/// Everything `serve` needs before it listens: the database (migrated), the secret key and
/// the data directory.
pub async fn build_state(config: ServeConfig) -> anyhow::Result<AppState> {
    let options = DbOptions {
        max_connections: config.database.db_max_connections,
        ..DbOptions::default()
    };
    let db = Db::connect(&config.database.database_url, &options)
        .await
        .context("cannot open the database")?;
    db.migrate().await.context("cannot migrate the database")?;
    let secret = secret_key::load_or_create(&db, config.secret_key.as_deref())
        .await
        .context("cannot load the secret key")?;
    tokio::fs::create_dir_all(&config.data_dir)
        .await
        .with_context(|| {
            format!(
                "cannot create the data directory {}",
                config.data_dir.display()
            )
        })?;

    let mut leptos_options = leptos::config::get_configuration(None)
        .context("cannot read the Leptos configuration")?
        .leptos_options;
    // Set at run time too: LEPTOS_OUTPUT_NAME is otherwise baked in at compile time, and a
    // build under another cargo-leptos project would point hydration at the wrong bundle.
    leptos_options.output_name = "dashboard".into();
    leptos_options.site_root = config.site_root.to_string_lossy().into();
    leptos_options.site_addr = config.addr;

    let backend = db.backend().name();
    let services = Services::new(db, secret)
        .with_public_url(&config.public_url())
        .with_data_dir(config.data_dir.clone());
    let cable = Cable::start(
        &services,
        config.redis_url.as_deref(),
        config.cable_max_per_ip,
    )
    .context("cannot start real-time delivery (check REDIS_URL)")?;
    Ok(AppState {
        leptos_options,
        services,
        cable,
        config: Arc::new(config),
        metrics: Arc::new(Metrics::new(backend)),
    })
}

/// Runs the server until a shutdown signal.
pub async fn run(config: ServeConfig) -> anyhow::Result<()> {
    tracing::info!(config = ?config, "starting OneChat");
    let state = build_state(config).await?;
    let addr = state.config.addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    tracing::info!(
        addr = %listener.local_addr().unwrap_or(addr),
        backend = state.services.db.backend().name(),
        url = %state.config.public_url(),
        "OneChat is listening"
    );
    let db = state.services.db.clone();
    let hub = state.cable.hub.clone();
    let jobs = crate::jobs::spawn(
        state.services.clone(),
        std::time::Duration::from_secs(state.config.jobs_every_secs),
    );
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            // WebSockets are not requests the server waits for: tell their clients to
            // reconnect (to this server once restarted, or another) before closing.
            hub.shut_down(std::time::Duration::from_secs(2)).await;
        })
        .await
        .context("server error")?;
    // A job stopped mid-way rolls its transaction back; the next start runs it again.
    if let Some(jobs) = jobs {
        jobs.abort();
    }
    tracing::info!("shutting down: closing database connections");
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received");
}
