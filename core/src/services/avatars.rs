//! Profile pictures: checked (a real PNG, JPEG, GIF or WebP image, whatever the client
//! claims), written under the data directory as `avatars/<uuid>.<ext>`, and served at
//! `/avatars/<uuid>.<ext>`. The random file name is the only secret, as with Chatwoot's
//! public blob URLs: avatars are shown to visitors in the widget, so they need no login.

use std::path::{Path, PathBuf};

use crate::secrets::uuid;
use crate::services::uploads::{Upload, image_size, resolve};
use crate::{Error, Result, Services};

/// Largest avatar accepted. Pictures are shown at most a few hundred pixels wide.
pub const MAX_AVATAR_BYTES: usize = 5 * 1024 * 1024;

/// The folder of avatars inside the data directory, and the URL path they are served under.
const FOLDER: &str = "avatars";

/// The image types accepted, by what their bytes say they are.
fn image_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    match bytes {
        [0x89, b'P', b'N', b'G', ..] => Some(("png", "image/png")),
        [0xFF, 0xD8, 0xFF, ..] => Some(("jpg", "image/jpeg")),
        [b'G', b'I', b'F', b'8', ..] => Some(("gif", "image/gif")),
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
        ] => Some(("webp", "image/webp")),
        _ => None,
    }
}

/// An avatar written to disk, waiting for its row to point at it.
#[derive(Debug)]
pub struct StagedAvatar {
    /// The path inside the data directory, stored in `avatar_path`.
    pub relative: String,
    full: PathBuf,
}

impl StagedAvatar {
    /// Removes the file again (the row was not written).
    pub async fn discard(self) {
        let _ = tokio::fs::remove_file(&self.full).await;
    }
}

/// Checks `upload` and writes it. Errors are 422s that say what is wrong.
pub async fn stage(svc: &Services, upload: &Upload) -> Result<StagedAvatar> {
    if upload.bytes.is_empty() {
        return Err(Error::invalid("avatar", "Avatar is empty"));
    }
    if upload.bytes.len() > MAX_AVATAR_BYTES {
        return Err(Error::invalid(
            "avatar",
            format!(
                "Avatar must be smaller than {} MB",
                MAX_AVATAR_BYTES / 1024 / 1024
            ),
        ));
    }
    // SVG and anything else that is not a plain bitmap could carry script.
    let Some((extension, _)) = image_kind(&upload.bytes) else {
        return Err(Error::invalid(
            "avatar",
            "Avatar must be a PNG, JPEG, GIF or WebP image",
        ));
    };
    if image_size(&upload.bytes).is_none_or(|(w, h)| w <= 0 || h <= 0) {
        return Err(Error::invalid("avatar", "Avatar is not a readable image"));
    }
    let relative = format!("{FOLDER}/{}.{extension}", uuid());
    let full = resolve(&svc.data_dir, &relative)
        .ok_or_else(|| Error::Internal("bad avatar path".into()))?;
    if let Some(dir) = full.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| Error::Internal(format!("avatar directory: {e}")))?;
    }
    tokio::fs::write(&full, &upload.bytes)
        .await
        .map_err(|e| Error::Internal(format!("avatar write: {e}")))?;
    Ok(StagedAvatar { relative, full })
}

/// Removes a replaced or deleted avatar's file.
pub async fn remove(svc: &Services, relative: Option<&str>) {
    if let Some(full) = relative.and_then(|r| resolve(&svc.data_dir, r)) {
        let _ = tokio::fs::remove_file(full).await;
    }
}

/// The public URL of a stored avatar, or `""` (Chatwoot's value when there is none).
pub fn url(public_url: &str, relative: Option<&str>) -> String {
    relative
        .and_then(|r| r.strip_prefix(&format!("{FOLDER}/")))
        .map(|file| format!("{public_url}/{FOLDER}/{file}"))
        .unwrap_or_default()
}

/// A stored avatar to send back.
#[derive(Debug, Clone)]
pub struct AvatarFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its MIME type, from its own bytes when it was stored.
    pub content_type: &'static str,
}

/// The file behind `/avatars/<file>`. Only names this module writes are accepted, so the
/// path can never point anywhere else.
pub fn find(data_dir: &Path, file: &str) -> Result<AvatarFile> {
    let (stem, extension) = file.rsplit_once('.').ok_or(Error::NotFound)?;
    let content_type = match extension {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return Err(Error::NotFound),
    };
    let well_formed = stem.len() == 36 && stem.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if !well_formed {
        return Err(Error::NotFound);
    }
    let path = resolve(data_dir, &format!("{FOLDER}/{file}")).ok_or(Error::NotFound)?;
    Ok(AvatarFile { path, content_type })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_bytes() {
        assert_eq!(image_kind(b"\x89PNG\r\n\x1a\n").map(|k| k.0), Some("png"));
        assert_eq!(image_kind(b"\xFF\xD8\xFF\xE0").map(|k| k.0), Some("jpg"));
        assert_eq!(image_kind(b"GIF89a").map(|k| k.0), Some("gif"));
        assert_eq!(
            image_kind(b"RIFF\0\0\0\0WEBPVP8 ").map(|k| k.0),
            Some("webp")
        );
        assert_eq!(image_kind(b"<svg xmlns=").map(|k| k.0), None);
        assert_eq!(image_kind(b"<html>").map(|k| k.0), None);
    }

    #[test]
    fn only_written_names_are_served() {
        let dir = Path::new("/srv/onechat");
        let good = "0b8e6f3c-1a2b-4c5d-8e9f-0123456789ab.png";
        assert_eq!(find(dir, good).unwrap().content_type, "image/png");
        for bad in [
            "../secret.png",
            "0b8e6f3c-1a2b-4c5d-8e9f-0123456789ab.svg",
            "0b8e6f3c-1a2b-4c5d-8e9f-0123456789ab.png/..",
            "short.png",
            "..%2f..%2fetc.png",
        ] {
            assert!(find(dir, bad).is_err(), "{bad} must not be served");
        }
    }

    #[test]
    fn urls_point_at_the_public_route() {
        let base = "https://chat.example.com";
        assert_eq!(url(base, None), "");
        assert_eq!(
            url(base, Some("avatars/abc.png")),
            "https://chat.example.com/avatars/abc.png"
        );
    }
}
