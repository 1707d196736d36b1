//! Files attached to messages: checked (size and type), written under the data directory
//! before the database transaction, and removed again if the transaction fails.

use std::path::{Path, PathBuf};

use crate::domain::FileType;
use crate::secrets::uuid;
use crate::store::attachments::NewAttachment;
use crate::{Error, Result, Services};

/// Largest file accepted (Chatwoot's default limit).
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;

/// Most files on one message (Chatwoot's model rule).
pub const MAX_FILES_PER_MESSAGE: usize = 15;

/// A file as received.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The name the client gave it.
    pub file_name: String,
    /// The MIME type the client claimed.
    pub content_type: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A file written to disk, waiting for its database row.
#[derive(Debug, Clone)]
pub struct Staged {
    /// The row to insert.
    pub row: NewAttachment,
    /// Where it was written.
    pub path: PathBuf,
}

/// Types refused outright: they could run script in a browser that opens them.
const DANGEROUS: [&str; 6] = [
    "text/html",
    "image/svg+xml",
    "application/javascript",
    "text/javascript",
    "application/xhtml+xml",
    "application/x-msdownload",
];

/// Checks and writes `uploads` for a message of `account_id`. On any error, what was written
/// is removed again.
pub async fn stage(svc: &Services, account_id: i64, uploads: Vec<Upload>) -> Result<Vec<Staged>> {
    if uploads.len() > MAX_FILES_PER_MESSAGE {
        return Err(Error::Unprocessable(format!(
            "A message can have at most {MAX_FILES_PER_MESSAGE} attachments"
        )));
    }
    let mut staged = Vec::with_capacity(uploads.len());
    for upload in uploads {
        match stage_one(svc, account_id, upload).await {
            Ok(file) => staged.push(file),
            Err(err) => {
                discard(&staged).await;
                return Err(err);
            }
        }
    }
    Ok(staged)
}

/// Removes staged files (after a failed transaction, or a deleted message).
pub async fn discard(staged: &[Staged]) {
    for file in staged {
        let _ = tokio::fs::remove_file(&file.path).await;
    }
}

/// Removes stored files by their paths inside the data directory.
pub async fn remove_stored(svc: &Services, relative_paths: &[String]) {
    for path in relative_paths {
        if let Some(full) = resolve(&svc.data_dir, path) {
            let _ = tokio::fs::remove_file(full).await;
        }
    }
}

/// The absolute path of a stored file, refusing anything that would leave the data directory.
pub fn resolve(data_dir: &Path, relative: &str) -> Option<PathBuf> {
    let path = Path::new(relative);
    if path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return None;
    }
    Some(data_dir.join(path))
}

/// A stored file to send back.
#[derive(Debug, Clone)]
pub struct Download {
    /// Where it is on disk.
    pub path: PathBuf,
    /// MIME type.
    pub content_type: String,
    /// Shown inline (images, audio, video, PDF) rather than downloaded.
    pub inline: bool,
}

/// The file of attachment `id` when `signature` is its download signature.
pub async fn download(svc: &Services, id: i64, signature: &str) -> Result<Download> {
    let expected = crate::services::messages::render::attachment_signature(svc, id);
    if !crate::secrets::constant_time_eq(&expected, signature) {
        return Err(Error::NotFound);
    }
    let row = crate::store::attachments::find_any(svc.db.read().await?.conn(), id)
        .await?
        .ok_or(Error::NotFound)?;
    let relative = row.file_path.ok_or(Error::NotFound)?;
    let path = resolve(&svc.data_dir, &relative).ok_or(Error::NotFound)?;
    let content_type = row
        .content_type
        .unwrap_or_else(|| "application/octet-stream".into());
    let inline = [
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/pdf",
    ]
    .contains(&content_type.as_str())
        || content_type.starts_with("audio/")
        || content_type.starts_with("video/");
    Ok(Download {
        path,
        content_type,
        inline,
    })
}

async fn stage_one(svc: &Services, account_id: i64, upload: Upload) -> Result<Staged> {
    if upload.bytes.is_empty() {
        return Err(Error::Unprocessable("An attachment is empty".into()));
    }
    if upload.bytes.len() > MAX_FILE_BYTES {
        return Err(Error::Unprocessable(format!(
            "Attachments must be smaller than {} MB",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let content_type = detect_type(
        &upload.bytes,
        upload.content_type.as_deref(),
        &upload.file_name,
    );
    if DANGEROUS.contains(&content_type.as_str()) {
        return Err(Error::Unprocessable(format!(
            "Attachments of type {content_type} are not allowed"
        )));
    }
    let file_type = if content_type.starts_with("image/") {
        FileType::Image
    } else if content_type.starts_with("audio/") {
        FileType::Audio
    } else if content_type.starts_with("video/") {
        FileType::Video
    } else {
        FileType::File
    };
    let extension = Path::new(&upload.file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .filter(|e| e.len() <= 10 && e.chars().all(|c| c.is_ascii_alphanumeric()));
    let (width, height) = if file_type == FileType::Image {
        image_size(&upload.bytes).map_or((None, None), |(w, h)| (Some(w), Some(h)))
    } else {
        (None, None)
    };
    let relative = format!(
        "attachments/{account_id}/{}{}",
        uuid(),
        extension
            .as_ref()
            .map(|e| format!(".{e}"))
            .unwrap_or_default()
    );
    let path = resolve(&svc.data_dir, &relative)
        .ok_or_else(|| Error::Internal("bad attachment path".into()))?;
    if let Some(dir) = path.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| Error::Internal(format!("attachment directory: {e}")))?;
    }
    tokio::fs::write(&path, &upload.bytes)
        .await
        .map_err(|e| Error::Internal(format!("attachment write: {e}")))?;
    let file_name: String = upload
        .file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(255)
        .collect();
    Ok(Staged {
        row: NewAttachment {
            file_type,
            file_path: relative,
            content_type,
            file_size: upload.bytes.len() as i64,
            extension,
            width,
            height,
            file_name: if file_name.is_empty() {
                "file".into()
            } else {
                file_name
            },
        },
        path,
    })
}

/// The MIME type: from the file's first bytes for common formats, else the claimed one,
/// else from the extension. Claims are never trusted for images (a renamed HTML page stays
/// HTML).
fn detect_type(bytes: &[u8], claimed: Option<&str>, file_name: &str) -> String {
    let sniffed = match bytes {
        [0x89, b'P', b'N', b'G', ..] => Some("image/png"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        [b'%', b'P', b'D', b'F', ..] => Some("application/pdf"),
        [b'P', b'K', 3, 4, ..] => None, // zip, docx, xlsx: keep the claim
        _ => None,
    };
    if let Some(sniffed) = sniffed {
        return sniffed.to_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<html") || head.contains("<script") || head.contains("<svg") {
        return if head.contains("<svg") {
            "image/svg+xml".into()
        } else {
            "text/html".into()
        };
    }
    let claimed = claimed
        .map(|c| c.split(';').next().unwrap_or(c).trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "application/octet-stream");
    if let Some(claimed) = claimed {
        // A claimed image that did not sniff as one is just a file.
        return if claimed.starts_with("image/") {
            "application/octet-stream".into()
        } else {
            claimed
        };
    }
    let extension = Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "mp3" => "audio/mpeg",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "html" | "htm" => "text/html",
        "svg" => "image/svg+xml",
        "js" => "application/javascript",
        _ => "application/octet-stream",
    }
    .to_owned()
}

/// Width and height of a PNG, GIF, JPEG or WebP image, read from its header.
pub fn image_size(bytes: &[u8]) -> Option<(i64, i64)> {
    let be32 = |b: &[u8]| i64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let be16 = |b: &[u8]| i64::from(u16::from_be_bytes([b[0], b[1]]));
    let le16 = |b: &[u8]| i64::from(u16::from_le_bytes([b[0], b[1]]));
    match bytes {
        [0x89, b'P', b'N', b'G', ..] if bytes.len() >= 24 => {
            Some((be32(&bytes[16..20]), be32(&bytes[20..24])))
        }
        [b'G', b'I', b'F', ..] if bytes.len() >= 10 => {
            Some((le16(&bytes[6..8]), le16(&bytes[8..10])))
        }
        [0xFF, 0xD8, ..] => {
            let mut i = 2;
            while i + 9 < bytes.len() {
                if bytes[i] != 0xFF {
                    i += 1;
                    continue;
                }
                let marker = bytes[i + 1];
                let length = usize::try_from(be16(&bytes[i + 2..i + 4])).ok()?;
                // Start-of-frame markers carry the size (not DHT, JPG or DAC).
                if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    return Some((be16(&bytes[i + 7..i + 9]), be16(&bytes[i + 5..i + 7])));
                }
                i += 2 + length;
            }
            None
        }
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] if bytes.len() >= 30 => match &bytes[12..16] {
            b"VP8X" => {
                let w = 1
                    + (i64::from(bytes[24])
                        | i64::from(bytes[25]) << 8
                        | i64::from(bytes[26]) << 16);
                let h = 1
                    + (i64::from(bytes[27])
                        | i64::from(bytes[28]) << 8
                        | i64::from(bytes[29]) << 16);
                Some((w, h))
            }
            b"VP8 " => Some((le16(&bytes[26..28]) & 0x3FFF, le16(&bytes[28..30]) & 0x3FFF)),
            b"VP8L" => {
                let b = &bytes[21..25];
                let w = 1 + (i64::from(b[0]) | (i64::from(b[1]) & 0x3F) << 8);
                let h = 1
                    + (i64::from(b[1]) >> 6
                        | i64::from(b[2]) << 2
                        | (i64::from(b[3]) & 0x0F) << 10);
                Some((w, h))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3×2 PNG header (signature + IHDR).
    fn png_header() -> Vec<u8> {
        let mut bytes = vec![
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R',
        ];
        bytes.extend_from_slice(&3u32.to_be_bytes());
        bytes.extend_from_slice(&2u32.to_be_bytes());
        bytes.extend_from_slice(&[8, 6, 0, 0, 0]);
        bytes
    }

    #[test]
    fn image_sizes_come_from_headers() {
        assert_eq!(image_size(&png_header()), Some((3, 2)));
        let gif = [b'G', b'I', b'F', b'8', b'9', b'a', 5, 0, 7, 0];
        assert_eq!(image_size(&gif), Some((5, 7)));
        assert_eq!(image_size(b"not an image"), None);
    }

    #[test]
    fn types_are_sniffed_not_trusted() {
        assert_eq!(
            detect_type(&png_header(), Some("text/plain"), "a.txt"),
            "image/png"
        );
        assert_eq!(
            detect_type(
                b"<html><script>alert(1)</script>",
                Some("image/png"),
                "cat.png"
            ),
            "text/html"
        );
        assert_eq!(
            detect_type(b"<svg onload=x>", None, "a.svg"),
            "image/svg+xml"
        );
        assert_eq!(
            detect_type(b"plain words", Some("image/jpeg"), "x.jpg"),
            "application/octet-stream"
        );
        assert_eq!(detect_type(b"a,b\n1,2", None, "data.csv"), "text/csv");
        assert_eq!(
            detect_type(b"%PDF-1.7", Some("application/octet-stream"), "x"),
            "application/pdf"
        );
    }

    #[test]
    fn stored_paths_never_leave_the_data_directory() {
        let base = Path::new("/data");
        assert_eq!(
            resolve(base, "attachments/1/x.png"),
            Some(PathBuf::from("/data/attachments/1/x.png"))
        );
        assert_eq!(resolve(base, "../etc/passwd"), None);
        assert_eq!(resolve(base, "/etc/passwd"), None);
    }
}
