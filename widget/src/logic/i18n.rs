//! The widget's UI strings, in `widget/locales/<lang>/<namespace>.json` (English, French,
//! Spanish), compiled in by `leptos_i18n` (see `build.rs`): keys are checked at compile time.
//!
//! The widget chooses its locale itself (`?locale=`, the host's settings, `setLocale`, else the
//! inbox's), so it reads strings for a [`Locale`] with `td_string!` rather than through a
//! reactive i18n context, which would also pull cookie and `Accept-Language` code into the bundle.

// The generated code is one `pub mod i18n`, inside this `i18n` module.
#![allow(clippy::module_inception)]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use i18n::I18nLocaleTrait as _;
pub use i18n::Locale;

/// One UI string: the crate's accessor for a key, as a plain function of the locale. Every label
/// has this one type, so the dozens of labels share one compiled render effect (bundle size).
pub type Key = fn(Locale) -> &'static str;

/// `text!(send)`: the [`Key`] of `send` in the `chat` namespace (a typo is a compile error).
macro_rules! text {
    ($key:ident) => {
        (|locale: $crate::logic::i18n::Locale| {
            $crate::logic::i18n::i18n::td_string!(locale, chat.$key)
        }) as $crate::logic::i18n::Key
    };
}
pub(crate) use text;

/// The locale of a tag such as "fr", "fr_CA", "es-419" or "pt-BR"; anything unknown is English.
pub fn locale(tag: &str) -> Locale {
    let lang = tag.split(['_', '-']).next().unwrap_or_default();
    Locale::get_all()
        .iter()
        .copied()
        .find(|l| lang.eq_ignore_ascii_case(l.as_str()))
        .unwrap_or_default()
}

/// The text of `key` for the locale tag `tag`.
pub fn t(tag: &str, key: Key) -> &'static str {
    key(locale(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_by_prefix_and_falls_back_to_english() {
        assert_eq!(t("fr_CA", text!(send)), "Envoyer");
        assert_eq!(t("ES", text!(read)), "Leído");
        assert_eq!(t("es-419", text!(type_message)), "Escribe tu mensaje");
        assert_eq!(t("de", text!(send)), "Send");
        assert_eq!(t("", text!(send)), "Send");
        assert_eq!(t("pt-BR", text!(type_message)), "Type your message");
    }

    /// `leptos_i18n` only warns when a locale lacks a key (and then shows English): a missing
    /// translation must fail here instead.
    #[test]
    fn every_locale_has_every_key() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let keys = |lang: &str, ns: &str| -> Vec<String> {
            let path = format!("{dir}/{lang}/{ns}.json");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let json: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut keys: Vec<String> = json
                .as_object()
                .unwrap_or_else(|| panic!("{path}: not an object"))
                .iter()
                .inspect(|(k, v)| assert!(v.as_str().is_some_and(|s| !s.is_empty()), "{path}: {k}"))
                .map(|(k, _)| k.clone())
                .collect();
            keys.sort();
            keys
        };
        for ns in ["chat"] {
            let english = keys("en", ns);
            for lang in ["fr", "es"] {
                assert_eq!(keys(lang, ns), english, "{lang}/{ns}.json");
            }
        }
    }
}
