//! The wrappers Chatwoot puts around response bodies.

use serde::{Deserialize, Serialize};

/// `{"payload": …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payload<T> {
    /// The records.
    pub payload: T,
}

impl<T> Payload<T> {
    /// Wraps `payload`.
    pub fn new(payload: T) -> Payload<T> {
        Payload { payload }
    }
}

/// `{"meta": …, "payload": …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetaPayload<M, T> {
    /// Counts and page information.
    pub meta: M,
    /// The records.
    pub payload: T,
}

/// `{"data": …}`, as the notifications list wraps its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Data<T> {
    /// The wrapped value.
    pub data: T,
}

impl<T> Data<T> {
    /// Wraps `data`.
    pub fn new(data: T) -> Data<T> {
        Data { data }
    }
}
