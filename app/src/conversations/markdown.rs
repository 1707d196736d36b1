//! Server side: message markdown (as agents and contacts write it in Chatwoot) to safe HTML.
//!
//! The result is shown with `inner_html`, so everything that could run or load something is
//! neutralised here: raw HTML is escaped as text, links keep only http(s) and mailto targets
//! and open in a new tab without an opener, images become plain links (no remote loads, no
//! tracking pixels), and mentions (`[@Name](mention://user/1/Name)`) become a highlighted
//! `@Name` instead of a link.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// What every link carries: a new tab, no `window.opener`, no referrer, no SEO credit.
const LINK_ATTRIBUTES: &str = r#" rel="noopener noreferrer nofollow" target="_blank""#;

/// `content` rendered to sanitised HTML.
pub fn to_html(content: &str) -> String {
    let parser = Parser::new_ext(content, Options::ENABLE_STRIKETHROUGH);
    // What closes each open link or image: `</a>`, `</span>` or nothing (for a dropped link).
    let mut closers: Vec<&'static str> = Vec::new();
    let events = parser.map(|event| match event {
        Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
            let (open, close) = open_link(&dest_url);
            closers.push(close);
            Event::Html(open)
        }
        Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
            Event::Html(CowStr::Borrowed(closers.pop().unwrap_or_default()))
        }
        // Raw HTML is shown as the text it is.
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        // Chat messages keep their line breaks, as in Chatwoot.
        Event::SoftBreak => Event::HardBreak,
        other => other,
    });
    let mut out = String::with_capacity(content.len() + content.len() / 2);
    html::push_html(&mut out, events);
    out
}

/// The opening markup for a link to `dest` and what closes it.
fn open_link(dest: &str) -> (CowStr<'static>, &'static str) {
    let dest = dest.trim();
    if dest.to_ascii_lowercase().starts_with("mention://") {
        return (CowStr::Borrowed(r#"<span class="mention">"#), "</span>");
    }
    if !is_safe_url(dest) {
        // The link text stays, the target goes.
        return (CowStr::Borrowed(""), "");
    }
    let open = format!(r#"<a href="{}"{LINK_ATTRIBUTES}>"#, escape_attribute(dest));
    (CowStr::Boxed(open.into_boxed_str()), "</a>")
}

/// Only web and mail links: no `javascript:`, `data:`, `vbscript:` or relative targets.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !url.chars().any(char::is_control)
}

/// `value` escaped for a double-quoted attribute.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_emphasis_lists_and_code() {
        let html = to_html("**bold** and _it_\n\n- one\n- two\n\n`x < y`");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(html.contains("<em>it</em>"), "{html}");
        assert!(html.contains("<li>one</li>"), "{html}");
        assert!(html.contains("<code>x &lt; y</code>"), "{html}");
    }

    #[test]
    fn keeps_line_breaks() {
        assert_eq!(to_html("one\ntwo"), "<p>one<br />\ntwo</p>\n");
    }

    #[test]
    fn script_tags_and_raw_html_are_text() {
        let html = to_html("<script>alert(1)</script>\n\nhi <b onclick=\"x()\">there</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;b onclick=\"x()\"&gt;"), "{html}");
    }

    #[test]
    fn javascript_and_data_links_lose_their_target() {
        for link in [
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD4=)",
            "[click](/relative)",
            "<javascript:alert(1)>",
        ] {
            let html = to_html(link);
            assert!(!html.contains("href"), "{link}: {html}");
            assert!(!html.to_lowercase().contains("<a"), "{link}: {html}");
        }
        assert_eq!(to_html("[click](javascript:alert(1))"), "<p>click</p>\n");
    }

    #[test]
    fn web_links_open_safely_in_a_new_tab() {
        let html = to_html("[docs](https://example.com/a?b=1&c=\"2\") <mailto:ada@example.com>");
        assert!(
            html.contains(
                r#"<a href="https://example.com/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow" target="_blank">docs</a>"#
            ) || html.contains(
                r#"<a href="https://example.com/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer nofollow" target="_blank">docs</a>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"href="mailto:ada@example.com""#), "{html}");
    }

    #[test]
    fn attribute_breakouts_are_escaped() {
        let html = to_html(r#"[x](<https://e.com/"onmouseover="alert(1)>)"#);
        assert!(!html.contains(r#"" onmouseover"#), "{html}");
        assert!(!html.contains(r#""onmouseover=""#), "{html}");
    }

    #[test]
    fn images_become_links_and_never_load() {
        let html = to_html("![a cat](https://example.com/cat.png) ![x](javascript:alert(1))");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains(r#"<a href="https://example.com/cat.png""#),
            "{html}"
        );
        assert!(html.contains("a cat</a>"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn mentions_are_highlighted_not_linked() {
        let html = to_html("Hi [@Ada Lovelace](mention://user/1/Ada%20Lovelace), look");
        assert_eq!(
            html,
            "<p>Hi <span class=\"mention\">@Ada Lovelace</span>, look</p>\n"
        );
    }

    #[test]
    fn nested_links_close_in_order() {
        let html = to_html("[![img](https://e.com/i.png)](javascript:x) [ok](https://e.com)");
        assert_eq!(
            html.matches("<a ").count(),
            html.matches("</a>").count(),
            "{html}"
        );
        assert!(!html.contains("javascript"), "{html}");
    }
}
