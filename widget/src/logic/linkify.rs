//! Splitting message text into plain runs and http(s) links, so links can be rendered as anchors
//! while everything else stays a text node (no HTML from messages ever reaches the DOM).

/// A run of message text.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Link(&'a str),
}

/// The runs of `text`; a link ends at whitespace and drops trailing punctuation like "." or ")".
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_link(rest) {
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let link = tail[..end].trim_end_matches(['.', ',', ')', '!', '?', ';', ':', '"', '\'']);
        if start > 0 {
            out.push(Segment::Text(&rest[..start]));
        }
        if link.len() <= "https://".len() {
            out.push(Segment::Text(link));
        } else {
            out.push(Segment::Link(link));
        }
        rest = &rest[start + link.len()..];
        if link.is_empty() {
            break;
        }
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

fn find_link(text: &str) -> Option<usize> {
    match (text.find("https://"), text.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::Segment::{Link, Text};
    use super::segments;

    #[test]
    fn splits_links_out() {
        assert_eq!(
            segments("see https://a.test/x. or http://b.test"),
            [
                Text("see "),
                Link("https://a.test/x"),
                Text(". or "),
                Link("http://b.test")
            ]
        );
        assert_eq!(segments("no links"), [Text("no links")]);
        assert_eq!(
            segments("javascript:alert(1)"),
            [Text("javascript:alert(1)")]
        );
        assert_eq!(
            segments("bare http:// here"),
            [Text("bare "), Text("http://"), Text(" here")]
        );
    }
}
