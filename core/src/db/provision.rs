//! Creating whole PostgreSQL databases on a server: for the benchmark's throw-away database
//! and the per-test databases. SQLite needs none of this (a new file is a new database).

use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, ConnectOptions};

use crate::{Error, Result};

/// `server_url` with its database name replaced by `database` (query string kept).
pub fn with_database(server_url: &str, database: &str) -> String {
    let (scheme, rest) = server_url
        .split_once("://")
        .unwrap_or(("postgres", server_url));
    let (authority, path_and_query) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    let query = path_and_query
        .find('?')
        .map(|at| &path_and_query[at..])
        .unwrap_or("");
    format!("{scheme}://{authority}/{database}{query}")
}

/// Drops `name` on the server of `server_url` if it exists, creates it empty, and returns its
/// URL. `name` must be a plain identifier (letters, digits, `_`).
pub async fn recreate_postgres_database(server_url: &str, name: &str) -> Result<String> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Error::invalid("database", "Database name is invalid"));
    }
    let mut admin = PgConnectOptions::from_str(server_url)?.connect().await?;
    sqlx::query(AssertSqlSafe(format!(
        "drop database if exists \"{name}\" with (force)"
    )))
    .execute(&mut admin)
    .await?;
    sqlx::query(AssertSqlSafe(format!("create database \"{name}\"")))
        .execute(&mut admin)
        .await?;
    Ok(with_database(server_url, name))
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_names_are_swapped_and_queries_kept() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres?sslmode=disable", "bench"),
            "postgres://u@h:5432/bench?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h", "bench"),
            "postgres://u@h/bench"
        );
    }
}
