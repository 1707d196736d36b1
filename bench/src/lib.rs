//! What the benchmarks share: seeding, the server under test as its own process, a small
//! HTTP client and latency percentiles.

pub mod client;
pub mod seed;
pub mod server;
pub mod stats;
