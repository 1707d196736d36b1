//! Fixed-window counters per key, for throttling what strangers can repeat (failed sign-ins,
//! public creates). In memory: per process, which is what a single binary needs; keys expire
//! with their window so memory stays bounded.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// At most `max` hits per `window`.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Hits allowed in one window.
    pub max: u32,
    /// Window length.
    pub window: Duration,
}

/// Counts hits per key against one [`Limit`].
#[derive(Debug, Clone)]
pub struct RateLimiter {
    limit: Limit,
    windows: Arc<Mutex<HashMap<String, Window>>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    hits: u32,
}

/// Past this many keys, expired windows are swept on the next hit.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    /// A limiter enforcing `limit`.
    pub fn new(limit: Limit) -> RateLimiter {
        RateLimiter {
            limit,
            windows: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// `Err(seconds to wait)` when `key` has used up its window, else `Ok(())`.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let windows = self.lock();
        match windows.get(key) {
            Some(w)
                if now.duration_since(w.started) < self.limit.window
                    && w.hits >= self.limit.max =>
            {
                let left = self
                    .limit
                    .window
                    .saturating_sub(now.duration_since(w.started));
                Err(left.as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Records one hit for `key`.
    pub fn hit(&self, key: &str) {
        let now = Instant::now();
        let mut windows = self.lock();
        if windows.len() > SWEEP_ABOVE {
            let window = self.limit.window;
            windows.retain(|_, w| now.duration_since(w.started) < window);
        }
        let entry = windows.entry(key.to_owned()).or_insert(Window {
            started: now,
            hits: 0,
        });
        if now.duration_since(entry.started) >= self.limit.window {
            *entry = Window {
                started: now,
                hits: 0,
            };
        }
        entry.hits = entry.hits.saturating_add(1);
    }

    /// Records a hit and says whether it was within the limit: for limits on every request.
    pub fn try_hit(&self, key: &str) -> Result<(), u64> {
        self.check(key)?;
        self.hit(key);
        Ok(())
    }

    /// Forgets `key`.
    pub fn reset(&self, key: &str) {
        self.lock().remove(key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Window>> {
        // A panic while holding this lock cannot leave the map inconsistent (each update is
        // one insert), so a poisoned lock is still safe to use.
        self.windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_max_hits_until_the_window_passes() {
        let limiter = RateLimiter::new(Limit {
            max: 2,
            window: Duration::from_millis(200),
        });
        assert!(limiter.try_hit("a").is_ok());
        assert!(limiter.try_hit("a").is_ok());
        assert!(limiter.try_hit("a").is_err());
        assert!(limiter.try_hit("b").is_ok(), "keys are independent");
        std::thread::sleep(Duration::from_millis(250));
        assert!(limiter.try_hit("a").is_ok(), "a new window starts");
    }

    #[test]
    fn reset_forgets_a_key() {
        let limiter = RateLimiter::new(Limit {
            max: 1,
            window: Duration::from_secs(60),
        });
        limiter.hit("a");
        assert!(limiter.check("a").is_err());
        limiter.reset("a");
        assert!(limiter.check("a").is_ok());
    }
}
