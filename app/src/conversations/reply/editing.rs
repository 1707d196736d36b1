//! Editing the reply textarea at the cursor: the pure text changes (insert, wrap the selection
//! in markdown, prefix its lines) and, in the browser, reading and restoring the selection.
//! The DOM counts selection offsets in UTF-16 units; Rust strings in bytes, so both are
//! converted here and nowhere else.

use leptos::html::Textarea;
use leptos::prelude::*;

/// Text after an edit, with the new selection (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The whole new text.
    pub text: String,
    /// Selection start.
    pub start: usize,
    /// Selection end (equal to `start` for a plain cursor).
    pub end: usize,
}

/// Clamps `start..end` to char boundaries inside `text`.
fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (fix(start), fix(end));
    (a.min(b), a.max(b))
}

/// Replaces the selection with `insert`; the cursor lands after it.
pub fn insert(text: &str, start: usize, end: usize, insert: &str) -> Edit {
    let (start, end) = clamp(text, start, end);
    let new = format!("{}{insert}{}", &text[..start], &text[end..]);
    let caret = start + insert.len();
    Edit {
        text: new,
        start: caret,
        end: caret,
    }
}

/// Puts `before` and `after` around the selection, which stays selected; with nothing
/// selected, `placeholder` is inserted and selected so typing replaces it.
pub fn wrap(
    text: &str,
    start: usize,
    end: usize,
    before: &str,
    after: &str,
    placeholder: &str,
) -> Edit {
    let (start, end) = clamp(text, start, end);
    let inner = if start == end {
        placeholder
    } else {
        &text[start..end]
    };
    let new = format!("{}{before}{inner}{after}{}", &text[..start], &text[end..]);
    Edit {
        text: new,
        start: start + before.len(),
        end: start + before.len() + inner.len(),
    }
}

/// A markdown link around the selection, with `url` selected to be typed over.
pub fn link(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = clamp(text, start, end);
    let label = if start == end {
        "link text"
    } else {
        &text[start..end]
    };
    let new = format!("{}[{label}](url){}", &text[..start], &text[end..]);
    let url_at = start + label.len() + 3;
    Edit {
        text: new,
        start: url_at,
        end: url_at + 3,
    }
}

/// Starts every line the selection touches with `prefix` (`- ` for a list, `> ` for a
/// quote); the touched lines stay selected.
pub fn prefix_lines(text: &str, start: usize, end: usize, prefix: &str) -> Edit {
    let (start, end) = clamp(text, start, end);
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let last = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let block: Vec<String> = text[first..last]
        .split('\n')
        .map(|line| format!("{prefix}{line}"))
        .collect();
    let block = block.join("\n");
    let new = format!("{}{block}{}", &text[..first], &text[last..]);
    Edit {
        start: first,
        end: first + block.len(),
        text: new,
    }
}

/// The byte offset of UTF-16 offset `units` in `text` (clamped to its end).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn byte_offset(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte` in `text`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    let (byte, _) = clamp(text, byte, byte);
    text[..byte].encode_utf16().count() as u32
}

/// The textarea's selection in bytes of `text` (the end of the text when unknown).
pub fn selection(area: NodeRef<Textarea>, text: &str) -> (usize, usize) {
    #[cfg(feature = "hydrate")]
    if let Some(el) = area.get_untracked() {
        let start = el.selection_start().ok().flatten().unwrap_or(u32::MAX);
        let end = el.selection_end().ok().flatten().unwrap_or(start);
        return (byte_offset(text, start), byte_offset(text, end));
    }
    let _ = area;
    (text.len(), text.len())
}

/// Writes `edit` into the textarea and `content`, restores its selection and focuses it.
pub fn apply(area: NodeRef<Textarea>, content: RwSignal<String>, edit: Edit) {
    #[cfg(feature = "hydrate")]
    if let Some(el) = area.get_untracked() {
        // Set before the signal: the value binding then sees no change and leaves the
        // selection where it is put here.
        el.set_value(&edit.text);
        let _ = el.focus();
        let _ = el.set_selection_range(
            utf16_offset(&edit.text, edit.start),
            utf16_offset(&edit.text, edit.end),
        );
    }
    let _ = area;
    content.set(edit.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserting_replaces_the_selection() {
        let e = insert("hello world", 6, 11, "🙂");
        assert_eq!(e.text, "hello 🙂");
        assert_eq!((e.start, e.end), (10, 10));
        // Out-of-range offsets are clamped, not a panic.
        assert_eq!(insert("hé", 2, 99, "!").text, "h!");
    }

    #[test]
    fn wrapping_keeps_the_selection_or_selects_a_placeholder() {
        let e = wrap("make this bold", 5, 9, "**", "**", "bold text");
        assert_eq!(e.text, "make **this** bold");
        assert_eq!(&e.text[e.start..e.end], "this");
        let e = wrap("", 0, 0, "_", "_", "italic text");
        assert_eq!(e.text, "_italic text_");
        assert_eq!(&e.text[e.start..e.end], "italic text");
    }

    #[test]
    fn links_select_the_url() {
        let e = link("see docs", 4, 8);
        assert_eq!(e.text, "see [docs](url)");
        assert_eq!(&e.text[e.start..e.end], "url");
    }

    #[test]
    fn line_prefixes_cover_every_touched_line() {
        let e = prefix_lines("intro\none\ntwo\nend", 8, 11, "- ");
        assert_eq!(e.text, "intro\n- one\n- two\nend");
        assert_eq!(&e.text[e.start..e.end], "- one\n- two");
        assert_eq!(prefix_lines("", 0, 0, "> ").text, "> ");
    }

    #[test]
    fn offsets_convert_between_utf16_and_bytes() {
        let text = "a🙂é b";
        // 'a' 1 unit, 🙂 2 units, é 1 unit.
        assert_eq!(byte_offset(text, 0), 0);
        assert_eq!(byte_offset(text, 1), 1);
        assert_eq!(byte_offset(text, 3), 5);
        assert_eq!(byte_offset(text, 4), 7);
        assert_eq!(byte_offset(text, 99), text.len());
        assert_eq!(utf16_offset(text, 5), 3);
        assert_eq!(utf16_offset(text, 7), 4);
    }
}
