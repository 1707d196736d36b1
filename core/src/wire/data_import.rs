//! A CSV import of contacts, as the API and the dashboard show it: its progress while it
//! runs, then what it created, updated and rejected (and why).

use serde::{Deserialize, Serialize};

/// One import (`POST /contacts/import`, `GET /data_imports/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataImport {
    /// Import id.
    pub id: i64,
    /// Always `contacts`.
    pub data_type: String,
    /// `pending`, `processing`, `completed` or `failed`.
    pub status: String,
    /// The uploaded file's name.
    pub file_name: Option<String>,
    /// Data rows in the file (the header row excluded).
    pub total_records: i64,
    /// Rows handled so far, rejected ones included.
    pub processed_records: i64,
    /// Rows that created a contact.
    pub created_records: i64,
    /// Rows that updated an existing contact (same identifier, email or phone).
    pub updated_records: i64,
    /// Rows refused.
    pub rejected_records: i64,
    /// Why a failed import failed.
    pub processing_errors: Option<String>,
    /// The first refused rows with their reasons (all of them are in the download).
    pub rejected_rows: Vec<RejectedRow>,
    /// The refused rows as CSV with an `errors` column, when there are any. Anyone holding
    /// the URL may download it, like an attachment's URL.
    pub failed_records_url: Option<String>,
    /// Uploaded (unix seconds).
    pub created_at: i64,
    /// Last progress (unix seconds).
    pub updated_at: i64,
}

impl DataImport {
    /// Whether the import is still to run or running (the dashboard keeps polling).
    pub fn in_progress(&self) -> bool {
        matches!(self.status.as_str(), "pending" | "processing")
    }
}

/// A row the import refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectedRow {
    /// The row's number in the file, counting the header as row 1 (as a spreadsheet does).
    pub row: i64,
    /// The row's name column.
    pub name: Option<String>,
    /// The row's email column.
    pub email: Option<String>,
    /// The row's phone_number column.
    pub phone_number: Option<String>,
    /// The row's identifier column.
    pub identifier: Option<String>,
    /// Why it was refused.
    pub errors: String,
}
