//! The widget session token: an HS256 JWT `{source_id, inbox_id, exp, iat}` signed with the
//! installation's secret key, as Chatwoot's `X-Auth-Token` and `cw_conversation` cookie.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::secrets::SecretKey;

/// How long a session token lives (Chatwoot's `WIDGET_TOKEN_EXPIRY` default).
pub const LIFETIME_DAYS: i64 = 180;

const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// What a session token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The contact inbox's source id.
    pub source_id: String,
    /// The widget inbox.
    pub inbox_id: i64,
    /// Expiry, unix seconds.
    pub exp: i64,
    /// Issued at, unix seconds.
    pub iat: i64,
}

fn signature(key: &SecretKey, signed: &str) -> Vec<u8> {
    // HMAC takes keys of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.expose())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(signed.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// A token for the session of `source_id` in `inbox_id`.
pub fn issue(key: &SecretKey, source_id: &str, inbox_id: i64) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = Claims {
        source_id: source_id.to_owned(),
        inbox_id,
        exp: now + LIFETIME_DAYS * 86_400,
        iat: now,
    };
    let payload = serde_json::to_vec(&claims).unwrap_or_default();
    let signed = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let sig = URL_SAFE_NO_PAD.encode(signature(key, &signed));
    format!("{signed}.{sig}")
}

/// The claims of a valid, unexpired token; `None` for anything else (as Chatwoot decodes a
/// bad token to `{}`).
pub fn verify(key: &SecretKey, token: &str) -> Option<Claims> {
    if token.len() > 2048 {
        return None;
    }
    let (signed, sig) = token.rsplit_once('.')?;
    let (header, payload) = signed.split_once('.')?;
    let given = URL_SAFE_NO_PAD.decode(sig).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.expose()).ok()?;
    mac.update(signed.as_bytes());
    // verify_slice compares in constant time.
    mac.verify_slice(&given).ok()?;
    let header: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
    if header.get("alg").and_then(|a| a.as_str()) != Some("HS256") {
        return None;
    }
    let claims: Claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    (claims.exp > chrono::Utc::now().timestamp()).then_some(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SecretKey {
        SecretKey::new(vec![byte; 64])
    }

    #[test]
    fn a_token_round_trips_and_rejects_tampering() {
        let token = issue(&key(1), "abc", 7);
        let claims = verify(&key(1), &token).expect("valid");
        assert_eq!((claims.source_id.as_str(), claims.inbox_id), ("abc", 7));
        assert!(verify(&key(2), &token).is_none(), "another key");
        let mut forged = token.clone();
        forged.insert(token.find('.').unwrap_or(0) + 2, 'x');
        assert!(verify(&key(1), &forged).is_none(), "edited payload");
        assert!(verify(&key(1), "not.a.token").is_none());
        assert!(verify(&key(1), "").is_none());
    }

    #[test]
    fn an_expired_token_is_refused() {
        let claims = Claims {
            source_id: "abc".into(),
            inbox_id: 1,
            exp: 1,
            iat: 0,
        };
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(HEADER),
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap_or_default())
        );
        let token = format!(
            "{signed}.{}",
            URL_SAFE_NO_PAD.encode(signature(&key(1), &signed))
        );
        assert!(verify(&key(1), &token).is_none());
    }
}
