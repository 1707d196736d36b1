//! Campaign URL matching, a small subset of the URLPattern rules Chatwoot uses: `*` matches any
//! run of characters, `{*.}?` is an optional subdomain, a pattern ending in "/" matches that page
//! and anything deeper (path, query or hash), and otherwise the match is exact. The current URL's
//! trailing path slash is ignored, so "https://a.com/" and "https://a.com" are the same page.

/// Whether the visitor's `url` triggers a campaign whose rule is `pattern`.
pub fn url_matches(pattern: &str, url: &str) -> bool {
    let pattern = pattern.trim();
    if pattern.is_empty() {
        return false;
    }
    let url = strip_path_slash(url.trim());
    // Expand the optional subdomain into its two spellings.
    if let Some((head, tail)) = pattern.split_once("{*.}?") {
        return url_matches(&format!("{head}{tail}"), &url)
            || url_matches(&format!("{head}*.{tail}"), &url);
    }
    match pattern.strip_suffix('/') {
        Some(prefix) => {
            glob(prefix, &url)
                || ["/*", "?*", "#*"]
                    .iter()
                    .any(|deeper| glob(&format!("{prefix}{deeper}"), &url))
        }
        None => glob(pattern, &url),
    }
}

/// `url` without a trailing "/" on its path (the part before any "?" or "#").
fn strip_path_slash(url: &str) -> String {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(cut);
    let path = path.strip_suffix('/').unwrap_or(path);
    format!("{path}{rest}")
}

/// Glob match where `*` is the only special character; iterative, so no blow-up on many stars.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi].eq_ignore_ascii_case(&t[ti]) {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::url_matches;

    #[test]
    fn exact_without_trailing_slash() {
        assert!(url_matches(
            "https://shop.test/pricing",
            "https://shop.test/pricing"
        ));
        assert!(url_matches(
            "https://shop.test/pricing",
            "https://shop.test/pricing/"
        ));
        assert!(!url_matches(
            "https://shop.test/pricing",
            "https://shop.test/pricing/team"
        ));
        assert!(!url_matches(
            "https://shop.test/pricing",
            "https://shop.test/pricing?a=1"
        ));
        assert!(!url_matches(
            "https://shop.test/pricing",
            "https://shop.test/pricingx"
        ));
    }

    #[test]
    fn trailing_slash_is_a_prefix() {
        let p = "https://shop.test/docs/";
        assert!(url_matches(p, "https://shop.test/docs"));
        assert!(url_matches(p, "https://shop.test/docs/"));
        assert!(url_matches(p, "https://shop.test/docs/a/b"));
        assert!(url_matches(p, "https://shop.test/docs?x=1"));
        assert!(url_matches(p, "https://shop.test/docs#top"));
        assert!(!url_matches(p, "https://shop.test/docsearch"));
        assert!(!url_matches(p, "https://shop.test/"));
        assert!(url_matches(
            "https://shop.test/",
            "https://shop.test/anything?q=1"
        ));
    }

    #[test]
    fn wildcards() {
        assert!(url_matches(
            "https://shop.test/*/checkout",
            "https://shop.test/eu/checkout"
        ));
        assert!(!url_matches(
            "https://shop.test/*/checkout",
            "https://shop.test/eu/cart"
        ));
        assert!(url_matches("*", "https://anything.test/x"));
        assert!(url_matches(
            "https://{*.}?shop.test/",
            "https://www.shop.test/a"
        ));
        assert!(url_matches(
            "https://{*.}?shop.test/",
            "https://shop.test/a"
        ));
        assert!(!url_matches(
            "https://{*.}?shop.test/",
            "https://evilshop.test/a"
        ));
        assert!(url_matches("HTTPS://Shop.test/A", "https://shop.test/a"));
        assert!(!url_matches("", "https://shop.test/"));
    }
}
