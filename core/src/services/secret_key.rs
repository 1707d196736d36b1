//! The installation's secret key: given in the configuration, or generated on first start and
//! kept in the database so every server process of the installation shares it.

use crate::db::Db;
use crate::secrets::{SecretKey, random_token};
use crate::store::installation;
use crate::{Error, Result};

const CONFIG_NAME: &str = "secret_key_base";

/// Shortest key accepted from the configuration.
pub const MIN_LENGTH: usize = 32;

/// The key to use: `given` when set (at least [`MIN_LENGTH`] characters), else the stored one,
/// else a new random key that is stored first.
pub async fn load_or_create(db: &Db, given: Option<&str>) -> Result<SecretKey> {
    if let Some(given) = given {
        if given.len() < MIN_LENGTH {
            return Err(Error::invalid(
                "secret_key",
                format!("The secret key must be at least {MIN_LENGTH} characters"),
            ));
        }
        return Ok(SecretKey::new(given.as_bytes().to_vec()));
    }
    if let Some(stored) = installation::get(db.read().await?.conn(), CONFIG_NAME).await? {
        return Ok(SecretKey::new(stored.into_bytes()));
    }
    let mut tx = db.begin().await?;
    installation::insert_if_absent(tx.conn(), CONFIG_NAME, &random_token(64)).await?;
    // Another process may have won the race: read back whatever is stored now.
    let stored = installation::get(tx.conn(), CONFIG_NAME).await?;
    tx.commit().await?;
    stored
        .map(|s| SecretKey::new(s.into_bytes()))
        .ok_or_else(|| Error::Internal("secret key vanished".into()))
}
