//! The chat window, one file per part of the screen, built with the helpers in `build`.

pub mod answers;
pub mod app;
pub mod build;
pub mod composer;
pub mod csat;
pub mod dom;
pub mod header;
pub mod messages;
pub mod prechat;
pub mod rows;
pub mod welcome;
