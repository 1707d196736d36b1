//! Files chosen in the browser on their way to the server (reply attachments, the profile
//! picture): the wire shape (base64 text, because the dashboard's server functions speak
//! url-encoded forms and the browser build carries no multipart codec), the size limits the
//! browser checks before reading a file, and (server side) the decoding into core's uploads.

use serde::{Deserialize, Serialize};

/// Largest single file: core's limit (`uploads::MAX_FILE_BYTES`, Chatwoot's default).
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;

/// Largest total of one message's files. Base64 makes a file a third larger and the request
/// body is capped at 40 MB by default (`ONECHAT_MAX_BODY_BYTES`), so the dashboard stops
/// before the server would refuse the whole request.
pub const MAX_TOTAL_BYTES: u64 = 28 * 1024 * 1024;

/// Most files on one message (core's rule).
pub const MAX_FILES: usize = 15;

/// One attached file as the reply box sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyFile {
    /// The file's name.
    pub name: String,
    /// The MIME type the browser reported (may be empty).
    #[serde(default)]
    pub content_type: String,
    /// The bytes, base64 (standard alphabet, padded).
    pub data: String,
}

/// `1.5 MB`, `12 KB`, `300 B`.
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} B")
    }
}

/// Why a file cannot be added next to `already` bytes in `count` files, if it cannot.
pub fn refuse(name: &str, size: u64, already: u64, count: usize) -> Option<String> {
    if count >= MAX_FILES {
        Some(format!(
            "A message can have at most {MAX_FILES} attachments."
        ))
    } else if size == 0 {
        Some(format!("{name} is empty."))
    } else if size > MAX_FILE_BYTES {
        Some(format!(
            "{name} is larger than {} MB.",
            MAX_FILE_BYTES / 1024 / 1024
        ))
    } else if already + size > MAX_TOTAL_BYTES {
        Some(format!(
            "Attachments can be at most {} MB together.",
            MAX_TOTAL_BYTES / 1024 / 1024
        ))
    } else {
        None
    }
}

/// The decoded files, checked against the same limits as in the browser; the error says
/// which file is wrong and why.
#[cfg(feature = "ssr")]
pub fn decode(
    files: Vec<ReplyFile>,
) -> Result<Vec<onechat_core::services::uploads::Upload>, String> {
    let mut total = 0;
    let mut decoded = Vec::with_capacity(files.len());
    for file in files {
        let bytes = base64_decode(&file.data)
            .ok_or_else(|| format!("The attachment {} could not be read.", file.name))?;
        let size = bytes.len() as u64;
        if let Some(refused) = refuse(&file.name, size, total, decoded.len()) {
            return Err(refused);
        }
        total += size;
        decoded.push(onechat_core::services::uploads::Upload {
            file_name: file.name,
            content_type: Some(file.content_type).filter(|t| !t.is_empty()),
            bytes,
        });
    }
    Ok(decoded)
}

/// Standard base64 (padding optional, ASCII whitespace ignored); `None` on anything else.
#[cfg(any(feature = "ssr", test))]
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let digits = digits
        .strip_suffix(b"==")
        .or_else(|| digits.strip_suffix(b"="))
        .unwrap_or(&digits);
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut acc = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            acc |= value(*c)? << (18 - 6 * i);
        }
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("").as_deref(), Some(&b""[..]));
        assert_eq!(base64_decode("Zg==").as_deref(), Some(&b"f"[..]));
        assert_eq!(base64_decode("Zm8=").as_deref(), Some(&b"fo"[..]));
        assert_eq!(base64_decode("Zm9v").as_deref(), Some(&b"foo"[..]));
        assert_eq!(
            base64_decode("aGVsbG8g\nd29ybGQ=").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(base64_decode("/+8=").as_deref(), Some(&[0xff, 0xef][..]));
        assert_eq!(base64_decode("Zm9v!"), None);
        assert_eq!(base64_decode("Z"), None);
    }

    #[test]
    fn sizes_read_like_people_say_them() {
        assert_eq!(human_size(300), "300 B");
        assert_eq!(human_size(12 * 1024), "12 KB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
    }

    #[test]
    fn files_over_the_limits_are_refused() {
        assert_eq!(refuse("a.png", 10, 0, 0), None);
        assert!(refuse("a.png", 0, 0, 0).is_some());
        assert!(
            refuse("a.png", MAX_FILE_BYTES + 1, 0, 0)
                .is_some_and(|e| e.contains("larger than 40 MB"))
        );
        assert!(refuse("a.png", 10, MAX_TOTAL_BYTES, 1).is_some());
        assert!(refuse("a.png", 10, 0, MAX_FILES).is_some());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_limit_is_cores() {
        assert_eq!(
            MAX_FILE_BYTES,
            onechat_core::services::uploads::MAX_FILE_BYTES as u64
        );
        assert_eq!(
            MAX_FILES,
            onechat_core::services::uploads::MAX_FILES_PER_MESSAGE
        );
    }
}
