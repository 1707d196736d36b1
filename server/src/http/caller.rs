//! Reading devise-token-auth credentials from a request: the `access-token`, `client` and
//! `uid` headers, or the same three packed as base64 JSON in `Authorization: Bearer …`.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use base64::Engine;
use onechat_core::services::auth::Credentials;

/// devise-token-auth credentials, not yet checked.
#[derive(Debug, Clone)]
pub struct DeviseHeaders {
    /// `client` + `access-token`.
    pub credentials: Credentials,
    /// `uid`: the user's email.
    pub uid: String,
}

impl DeviseHeaders {
    /// The credentials of a request, if it carries any.
    pub fn from_headers(headers: &HeaderMap) -> Option<DeviseHeaders> {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        if let (Some(secret), Some(client_id), Some(uid)) =
            (text("access-token"), text("client"), text("uid"))
        {
            return Some(DeviseHeaders {
                credentials: Credentials { client_id, secret },
                uid,
            });
        }
        let bearer = text("authorization")?;
        let encoded = bearer.strip_prefix("Bearer ")?;
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .ok()?;
        let fields: serde_json::Value = serde_json::from_slice(&decoded).ok()?;
        let field = |name: &str| fields.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        Some(DeviseHeaders {
            credentials: Credentials {
                client_id: field("client")?,
                secret: field("access-token")?,
            },
            uid: field("uid")?,
        })
    }
}

/// Extractor: `Some` when the request carries devise credentials.
#[derive(Debug, Clone)]
pub struct MaybeDevise(pub Option<DeviseHeaders>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeDevise {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeDevise(DeviseHeaders::from_headers(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_headers_and_the_bearer_form() {
        let mut headers = HeaderMap::new();
        headers.insert("access-token", "secret".parse().unwrap());
        headers.insert("client", "client-1".parse().unwrap());
        headers.insert("uid", "ada@example.com".parse().unwrap());
        let plain = DeviseHeaders::from_headers(&headers).unwrap();
        assert_eq!(plain.credentials.client_id, "client-1");
        assert_eq!(plain.uid, "ada@example.com");

        let packed = base64::engine::general_purpose::STANDARD.encode(
            r#"{"access-token":"secret","token-type":"Bearer","client":"client-2","expiry":"1","uid":"ada@example.com"}"#,
        );
        let mut headers = HeaderMap::new();
        headers.insert("authorization", format!("Bearer {packed}").parse().unwrap());
        let bearer = DeviseHeaders::from_headers(&headers).unwrap();
        assert_eq!(bearer.credentials.client_id, "client-2");
        assert_eq!(bearer.credentials.secret, "secret");

        assert!(DeviseHeaders::from_headers(&HeaderMap::new()).is_none());
        let mut headers = HeaderMap::new();
        headers.insert("authorization", "Bearer not-base64!".parse().unwrap());
        assert!(DeviseHeaders::from_headers(&headers).is_none());
    }
}
