//! The dashboard's UI strings: `app/locales/<lang>/<namespace>.json` (English, French, Spanish),
//! compiled in by `leptos_i18n` (see `build.rs`), which checks every key at compile time.
//!
//! The language is the account's (`accounts.locale`): [`Workspace`](crate::layout::Workspace)
//! switches the context to it before the signed-in frame renders, so the server renders in that
//! language and hydration builds the same text. Pages outside an account (setup, login) follow
//! the browser's `Accept-Language`. Unknown languages fall back to English.
//!
//! The language is fixed for the life of a page: changing the account's language reloads the
//! page. So views read strings untracked, as plain `&'static str` (no closure per string in
//! the WASM bundle): `let i18n = use_i18n();` then `{tu_string!(i18n, layout.conversations)}`,
//! and `td_string!(locale, …)` in functions given a [`Locale`]. Values go into sentences with
//! [`fill`] (`"{name} joined"`), so each language orders its words.

// The generated code is one `pub mod i18n`, inside this `i18n` module.
#![allow(clippy::module_inception)]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use i18n::*;

/// The locale of a tag such as "fr", "fr_CA", "es-419" or "pt_BR" (Chatwoot's account locales);
/// anything unknown is English.
pub fn locale_from_tag(tag: &str) -> Locale {
    let lang = tag.split(['_', '-']).next().unwrap_or_default();
    Locale::get_all()
        .iter()
        .copied()
        .find(|l| lang.eq_ignore_ascii_case(l.as_str()))
        .unwrap_or_default()
}

/// Sets `<html lang dir>` to the current language. One per page, at the root of what the page
/// renders once its language is known (the workspace frame, the login and setup pages): the
/// server injects it into `<html>` and hydration reads the language back from there.
#[leptos::component]
pub fn HtmlLang() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let i18n = use_i18n();
    // Hydration keeps the attributes the server streamed, which may predate the account's
    // language (the `<html>` tag goes out before the session is known): set them in the
    // browser as well.
    Effect::new(move |_| {
        let locale = i18n.get_locale();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.as_str());
            let _ = root.set_attribute("dir", locale.direction().as_str());
        }
    });
    view! {
        <leptos_meta::Html
            attr:lang=move || i18n.get_locale().as_str()
            attr:dir=move || i18n.get_locale().direction().as_str()
        />
    }
}

/// Switches the dashboard to `tag`'s language (the account's), if it is not already in it,
/// and keeps it there while the calling component lives.
pub fn use_account_locale(tag: &str) {
    let i18n = use_i18n();
    let locale = locale_from_tag(tag);
    if i18n.get_locale_untracked() != locale {
        i18n.set_locale(locale);
    }
    // Once hydrated, leptos_i18n's provider puts back the language it detected on its own
    // (from `<html lang>`, which the server streams before the session is known) in an effect:
    // restore the account's whenever that happens. Components created later (lazy pages, new
    // rows) and `<html lang>` then read the account's language.
    #[cfg(feature = "hydrate")]
    leptos::prelude::Effect::new(move |_| {
        if i18n.get_locale() != locale {
            i18n.set_locale(locale);
        }
    });
}

/// The page's language, for functions that format text outside a `tu_string!` (call it while
/// building a view).
pub fn page_locale() -> Locale {
    use_i18n().get_locale_untracked()
}

/// A translated sentence with its `{name}` placeholders filled in: the locale files keep the
/// values in the sentence, so each language puts them where its word order wants. A value is
/// never searched for placeholders itself; an unknown placeholder stays as written.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (end, value))
        });
        match value {
            Some((end, value)) => {
                out.push_str(&value.to_string());
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            fill(
                "{name} and {count} others",
                &[("count", &3), ("name", &"{count}")]
            ),
            "{count} and 3 others"
        );
        assert_eq!(fill("{unknown} {", &[("name", &"x")]), "{unknown} {");
    }

    #[test]
    fn picks_language_by_prefix_and_falls_back_to_english() {
        assert_eq!(locale_from_tag("fr"), Locale::fr);
        assert_eq!(locale_from_tag("fr_CA"), Locale::fr);
        assert_eq!(locale_from_tag("ES-419"), Locale::es);
        assert_eq!(locale_from_tag("de"), Locale::en);
        assert_eq!(locale_from_tag("pt_BR"), Locale::en);
        assert_eq!(locale_from_tag(""), Locale::en);
    }

    #[test]
    fn strings_come_from_the_locale_files() {
        assert_eq!(
            td_string!(Locale::fr, layout.conversations),
            "Conversations"
        );
        assert_eq!(
            td_string!(Locale::es, layout.conversations),
            "Conversaciones"
        );
        assert_eq!(td_string!(Locale::en, layout.settings), "Settings");
    }

    /// `leptos_i18n` only warns when a locale lacks a key (and then shows English): a missing
    /// or empty translation fails here instead.
    #[test]
    fn every_locale_has_every_key() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let keys = |lang: &str, ns: &str| -> Vec<String> {
            let path = format!("{dir}/{lang}/{ns}.json");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let json: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut keys = Vec::new();
            flatten(&json, String::new(), &mut keys, &path);
            keys.sort();
            keys
        };
        let english = std::fs::read_dir(format!("{dir}/en")).unwrap_or_else(|e| panic!("{e}"));
        let mut checked = 0;
        for entry in english {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            let Some(ns) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let expected = keys("en", ns);
            for lang in Locale::get_all().iter().skip(1) {
                assert_eq!(keys(lang.as_str(), ns), expected, "{lang}/{ns}.json");
            }
            checked += 1;
        }
        assert!(checked > 0, "no namespace found in {dir}/en");
    }

    fn flatten(value: &serde_json::Value, prefix: String, out: &mut Vec<String>, path: &str) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    flatten(v, key, out, path);
                }
            }
            serde_json::Value::String(s) => {
                assert!(!s.trim().is_empty(), "{path}: {prefix} is empty");
                out.push(prefix);
            }
            other => panic!("{path}: {prefix} is not a string: {other}"),
        }
    }
}
