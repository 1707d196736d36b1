//! Client-side checks of pre-chat and email-collect inputs. The server discards an invalid email
//! or phone silently, so telling the visitor here is the only feedback they get.

/// A plausible email: one "@", something before it, a dotted domain after it, no spaces.
pub fn is_email(value: &str) -> bool {
    let value = value.trim();
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// An E.164-ish phone number: "+" then 7 to 15 digits (spaces, dashes and dots ignored).
pub fn is_phone(value: &str) -> bool {
    let Some(rest) = value.trim().strip_prefix('+') else {
        return false;
    };
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' | '.' => {}
            _ => return false,
        }
    }
    (7..=15).contains(&digits)
}

/// A number as `<input type=number>` would accept it.
pub fn is_number(value: &str) -> bool {
    value.trim().parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_email("jane@example.com"));
        assert!(is_email(" jane.doe+x@mail.example.co "));
        assert!(!is_email("jane"));
        assert!(!is_email("jane@example"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("ja ne@example.com"));
        assert!(!is_email("a@b@example.com"));
        assert!(!is_email("jane@example..com"));
    }

    #[test]
    fn phones() {
        assert!(is_phone("+14155550123"));
        assert!(is_phone("+33 6 12 34 56 78"));
        assert!(!is_phone("14155550123"), "needs the +");
        assert!(!is_phone("+123456"), "too short");
        assert!(!is_phone("+1234567890123456"), "too long");
        assert!(!is_phone("+1415abc0123"));
    }

    #[test]
    fn numbers() {
        assert!(is_number("42"));
        assert!(is_number("-3.5"));
        assert!(!is_number("abc"));
        assert!(!is_number(""));
    }
}
