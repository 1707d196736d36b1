//! Cuts a message down to the words around its first match, on the server, so the browser
//! only receives (and shows as text) what it displays.

use super::models::SearchSnippet;

/// Characters kept before the match.
const BEFORE: usize = 60;
/// Characters kept after the match.
const AFTER: usize = 120;

/// The byte range of the first case-insensitive occurrence of `needle` in `text`.
fn find(text: &str, needle: &str) -> Option<(usize, usize)> {
    let wanted: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if wanted.is_empty() {
        return None;
    }
    for (start, _) in text.char_indices() {
        let mut have = text[start..].char_indices();
        let mut i = 0;
        let mut end = start;
        while i < wanted.len() {
            let Some((offset, c)) = have.next() else {
                break;
            };
            let lower: Vec<char> = c.to_lowercase().collect();
            if wanted.get(i..i + lower.len()) != Some(lower.as_slice()) {
                break;
            }
            i += lower.len();
            end = start + offset + c.len_utf8();
        }
        if i == wanted.len() {
            return Some((start, end));
        }
    }
    None
}

/// The last `n` characters of `text`.
fn tail(text: &str, n: usize) -> (&str, bool) {
    match text.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 && i > 0 => (&text[i..], true),
        _ if n == 0 => ("", !text.is_empty()),
        _ => (text, false),
    }
}

/// The first `n` characters of `text`.
fn head(text: &str, n: usize) -> (&str, bool) {
    match text.char_indices().nth(n) {
        Some((i, _)) => (&text[..i], true),
        None => (text, false),
    }
}

/// A snippet of `content` around `q` (the start of the message when `q` is not found as
/// written, e.g. a case rule of the database differs).
pub fn snippet(
    id: i64,
    content: &str,
    q: &str,
    sender_name: Option<String>,
    created_at: i64,
) -> SearchSnippet {
    let content = content.trim();
    let (before, matched, after) = match find(content, q.trim()) {
        Some((start, end)) => {
            let (before, cut_before) = tail(&content[..start], BEFORE);
            let (after, cut_after) = head(&content[end..], AFTER);
            (
                format!("{}{before}", if cut_before { "…" } else { "" }),
                content[start..end].to_owned(),
                format!("{after}{}", if cut_after { "…" } else { "" }),
            )
        }
        None => {
            let (start, cut) = head(content, BEFORE + AFTER);
            (
                format!("{start}{}", if cut { "…" } else { "" }),
                String::new(),
                String::new(),
            )
        }
    };
    SearchSnippet {
        id,
        sender_name,
        before,
        matched,
        after,
        created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_match_is_found_whatever_its_case() {
        let s = snippet(1, "Hello, my Invoice is late", "invoice", None, 0);
        assert_eq!(
            (s.before.as_str(), s.matched.as_str(), s.after.as_str()),
            ("Hello, my ", "Invoice", " is late")
        );
        let s = snippet(1, "Straße und ÉCOLE", "école", None, 0);
        assert_eq!(s.matched, "ÉCOLE");
    }

    #[test]
    fn long_messages_are_cut_around_the_match() {
        let text = format!("{}needle{}", "a".repeat(200), "b".repeat(300));
        let s = snippet(1, &text, "NEEDLE", None, 0);
        assert_eq!(s.before, format!("…{}", "a".repeat(BEFORE)));
        assert_eq!(s.matched, "needle");
        assert_eq!(s.after, format!("{}…", "b".repeat(AFTER)));
    }

    #[test]
    fn without_a_match_the_start_is_shown() {
        let s = snippet(1, "short", "zzz", None, 0);
        assert_eq!((s.before.as_str(), s.matched.as_str()), ("short", ""));
        assert_eq!(find("abc", ""), None);
    }
}
