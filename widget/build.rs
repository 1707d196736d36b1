//! Generates the `i18n` module (see `src/logic/i18n.rs`) from `locales/<lang>/<namespace>.json`
//! with `leptos_i18n_build`: a missing or extra key in a locale fails the build.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let cfg = Config::new("en")?
        .add_locales(["fr", "es"])?
        .add_namespaces(["chat"])?;
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
