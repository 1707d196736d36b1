//! Input rules shared by several services.

use crate::domain::StoredEnum;
use crate::error::Validation;

/// Trims and lower-cases an email, and records a problem when it does not look like one.
pub fn email(raw: &str, errors: &mut Validation) -> String {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        errors.push("email", "Email can't be blank");
    } else if !looks_like_email(&email) {
        errors.push("email", "Email is invalid");
    }
    email
}

/// Trims a required text field, recording a problem when it is blank or too long.
pub fn required_text(
    raw: &str,
    field: &str,
    label: &str,
    max: usize,
    errors: &mut Validation,
) -> String {
    let text = raw.trim().to_owned();
    if text.is_empty() {
        errors.push(field, format!("{label} can't be blank"));
    } else if text.chars().count() > max {
        errors.push(
            field,
            format!("{label} is too long (maximum is {max} characters)"),
        );
    }
    text
}

/// `#rgb` or `#rrggbb`.
pub fn hex_color(color: &str) -> bool {
    let Some(hex) = color.strip_prefix('#') else {
        return false;
    };
    (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// The variant a wire name names, `None` when absent; a name that matches no variant is
/// recorded as "{label} is not included in the list".
pub fn choice<T: StoredEnum>(
    raw: Option<&str>,
    field: &str,
    label: &str,
    errors: &mut Validation,
) -> Option<T> {
    let value = T::parse(raw?.trim());
    if value.is_none() {
        errors.push(field, format!("{label} is not included in the list"));
    }
    value
}

/// Whether `zone` looks like an IANA zone name (`Europe/Berlin`, `UTC`, `Etc/GMT+5`).
/// OneChat carries no zone database, so the name is checked for shape only.
pub fn timezone(zone: &str) -> bool {
    !zone.is_empty()
        && zone.len() <= 64
        && zone
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
        && !zone.starts_with('/')
        && !zone.contains("//")
}

/// The interface languages an account or agent may choose (Chatwoot's language list).
pub const LOCALES: &[&str] = &[
    "en", "ar", "az", "bg", "bn", "ca", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he",
    "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "ko", "lt", "lv", "ml", "ms", "ne", "nl",
    "no", "pl", "pt", "pt_BR", "ro", "ru", "sh", "sk", "sl", "sq", "sr", "sv", "ta", "th", "tl",
    "tr", "uk", "ur", "vi", "zh_CN", "zh_TW",
];

/// Whether `locale` is one of [`LOCALES`].
pub fn locale(locale: &str) -> bool {
    LOCALES.contains(&locale)
}

/// Whether a trimmed, lower-cased address looks like an email address.
pub fn looks_like_email(email: &str) -> bool {
    if email.len() > 255 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        let mut errors = Validation::default();
        assert_eq!(email("  Ada@Example.COM ", &mut errors), "ada@example.com");
        assert!(errors.errors.is_empty());
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a b@example.com",
            "a@@b.com",
        ] {
            let mut errors = Validation::default();
            email(bad, &mut errors);
            assert_eq!(
                errors.attributes(),
                vec!["email"],
                "{bad:?} should be refused"
            );
        }
    }
}
