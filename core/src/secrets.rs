//! Random tokens, digests, HMACs and password hashes. Every comparison of a secret is
//! constant-time.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// A random base58 string of `len` characters (Rails' `has_secure_token` alphabet).
/// 24 characters carry about 140 bits.
pub fn random_token(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| BASE58[rng.random_range(0..BASE58.len())] as char)
        .collect()
}

/// A random UUID v4 string.
pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Lower-case hex SHA-256 of `input`: how session secrets are stored.
pub fn sha256_hex(input: &str) -> String {
    hex::encode(Sha256::digest(input.as_bytes()))
}

/// Lower-case hex HMAC-SHA256 of `message` under `key`.
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

/// Compares two secrets in time that depends only on their lengths.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

/// Hashes a password with Argon2id (a fresh random salt, PHC string format).
pub fn hash_password(password: &str) -> crate::Result<String> {
    let mut salt_bytes = [0u8; 16];
    rand::rng().fill(&mut salt_bytes);
    let salt = SaltString::encode_b64(&salt_bytes)
        .map_err(|e| crate::Error::Internal(format!("salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| crate::Error::Internal(format!("password hash: {e}")))
}

/// Whether `password` matches a hash made by [`hash_password`]. A malformed hash never
/// matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of no real password, verified against when the email is unknown so that a wrong
/// email and a wrong password take the same time (no account enumeration by timing).
pub fn decoy_password_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5fFPX2c1u2cKCEkxITmCxeSzT6eOdAAHkIpkYm2T2N0"
}

/// The special characters the password rule accepts (the profile page of the seeds).
pub const PASSWORD_SPECIALS: &str = "!@#$%^&*()_+-=[]{}|'\"/^.,`<>:;?~\\";

/// Checks a new password against the rules of the profile page: 6 to 128 characters with at
/// least one uppercase letter, one digit and one special character.
pub fn check_password_rules(password: &str, errors: &mut crate::error::Validation) {
    let length = password.chars().count();
    if length < 6 {
        errors.push(
            "password",
            "Password is too short (minimum is 6 characters)",
        );
    } else if length > 128 {
        errors.push(
            "password",
            "Password is too long (maximum is 128 characters)",
        );
    }
    if !password.chars().any(|c| c.is_ascii_uppercase()) {
        errors.push(
            "password",
            "Password must contain at least one uppercase character (A-Z)",
        );
    }
    if !password.chars().any(|c| c.is_ascii_digit()) {
        errors.push(
            "password",
            "Password must contain at least one number character (0-9)",
        );
    }
    if !password.chars().any(|c| PASSWORD_SPECIALS.contains(c)) {
        errors.push(
            "password",
            format!("Password must contain at least one special character ({PASSWORD_SPECIALS})"),
        );
    }
}

/// The installation's secret key: signs widget tokens and anything else that must be
/// verifiable later. Never printed.
#[derive(Clone)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    /// Wraps key material.
    pub fn new(bytes: Vec<u8>) -> SecretKey {
        SecretKey(bytes)
    }

    /// The raw key material.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_base58() {
        let a = random_token(24);
        let b = random_token(24);
        assert_eq!(a.len(), 24);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| BASE58.contains(&c)));
    }

    #[test]
    fn password_hash_round_trip() {
        let hash = hash_password("Secret1!").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("Secret1!", &hash));
        assert!(!verify_password("secret1!", &hash));
        assert!(!verify_password("Secret1!", "not a hash"));
    }

    #[test]
    fn decoy_hash_is_well_formed_and_matches_nothing_obvious() {
        assert!(PasswordHash::new(decoy_password_hash()).is_ok());
        assert!(!verify_password("", decoy_password_hash()));
    }

    #[test]
    fn password_rules_follow_the_profile_page() {
        let mut errors = crate::error::Validation::default();
        check_password_rules("Passw0rd!", &mut errors);
        assert!(errors.errors.is_empty(), "{errors}");

        for weak in ["short", "alllowercase1!", "NoDigits!!", "NoSpecial123"] {
            let mut errors = crate::error::Validation::default();
            check_password_rules(weak, &mut errors);
            assert!(!errors.errors.is_empty(), "{weak} should be refused");
        }
    }

    #[test]
    fn hmac_matches_a_known_vector() {
        // RFC 4231 test case 2.
        assert_eq!(
            hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
