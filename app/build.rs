//! Generates the dashboard's `i18n` module (see `src/i18n.rs`) from
//! `locales/<lang>/<namespace>.json` with `leptos_i18n_build`. Every `.json` file in
//! `locales/en/` is a namespace, so a feature adds its strings by adding one file per language.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, TranslationsInfos};

/// The default (fallback) locale first.
const LOCALES: [&str; 3] = ["en", "fr", "es"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    // A new namespace file must rerun the build script, not only an edited one.
    for locale in LOCALES {
        println!("cargo::rerun-if-changed=locales/{locale}");
    }
    let mut namespaces = Vec::new();
    for entry in std::fs::read_dir("locales/en")? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "json")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            namespaces.push(stem.to_owned());
        }
    }
    namespaces.sort();

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let cfg = Config::new(LOCALES[0])?
        .add_locales(LOCALES[1..].iter().copied())?
        .add_namespaces(namespaces)?;
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
