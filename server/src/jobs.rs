//! Background jobs: the periodic conversation jobs (snoozes reopening, auto-resolve) run on a
//! timer for as long as the server does.

use std::time::Duration;

use onechat_core::Services;
use onechat_core::services::conversations;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// Starts the periodic jobs: once right away (catching up on what came due while the server
/// was down), then every `every`. A zero interval turns them off.
pub fn spawn(services: Services, every: Duration) -> Option<JoinHandle<()>> {
    if every.is_zero() {
        return None;
    }
    Some(tokio::spawn(async move {
        let mut timer = tokio::time::interval(every);
        // A slow run (a large backlog) delays the next one instead of bunching them.
        timer.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            timer.tick().await;
            let now = onechat_core::store::now();
            match conversations::run_due_jobs(&services, now).await {
                Ok(report) if report == conversations::JobReport::default() => {}
                Ok(report) => tracing::info!(
                    reopened = report.reopened,
                    auto_resolved = report.auto_resolved,
                    failed = report.failed,
                    "periodic jobs ran"
                ),
                Err(error) => tracing::warn!(%error, "periodic jobs failed; retrying next time"),
            }
            // Contact imports left pending or half-done by a stopped server resume here.
            match onechat_core::services::contacts::import::start_due(&services).await {
                Ok(0) => {}
                Ok(started) => tracing::info!(started, "contact imports resumed"),
                Err(error) => tracing::warn!(%error, "contact imports could not be resumed"),
            }
        }
    }))
}
