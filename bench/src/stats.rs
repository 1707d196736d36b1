//! Latency percentiles.

use std::time::Duration;

/// Nearest-rank percentiles of a set of samples.
pub struct Latencies {
    sorted: Vec<Duration>,
}

impl Latencies {
    pub fn new(mut samples: Vec<Duration>) -> Latencies {
        samples.sort_unstable();
        Latencies { sorted: samples }
    }

    /// The `p`-th percentile (0 < p ≤ 100), in milliseconds.
    pub fn ms(&self, p: f64) -> f64 {
        if self.sorted.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * self.sorted.len() as f64).ceil() as usize;
        let index = rank.clamp(1, self.sorted.len()) - 1;
        self.sorted[index].as_secs_f64() * 1000.0
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples = (1..=100).map(Duration::from_millis).collect();
        let latencies = Latencies::new(samples);
        assert_eq!(latencies.ms(50.0), 50.0);
        assert_eq!(latencies.ms(95.0), 95.0);
        assert_eq!(latencies.ms(100.0), 100.0);
    }
}
