//! Installation-level endpoints: `GET /api` and `GET /health`.

use serde::{Deserialize, Serialize};

/// `GET /api`: what is running and whether its services answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiInfo {
    /// OneChat's version.
    pub version: String,
    /// Server time, `YYYY-MM-DD HH:MM:SS` in UTC.
    pub timestamp: String,
    /// `ok` or `failing`: the job queue and fan-out (Redis when configured).
    pub queue_services: String,
    /// `ok` or `failing`: the database.
    pub data_services: String,
}

/// `GET /health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `ok` when the database answers, else `failing`.
    pub status: String,
}
