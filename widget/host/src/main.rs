//! Does nothing: see this package's Cargo.toml for why it exists.

fn main() {}
