//! Reading an uploaded CSV: cleaned to UTF-8, a header row naming the columns, then rows of
//! the same width. Pure functions, so the rules are unit-tested without a database.

/// Largest file accepted. A few tens of thousands of contacts; larger lists can be split.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The columns that can find a contact again; the header must name at least one.
pub const KEY_COLUMNS: [&str; 3] = ["identifier", "email", "phone_number"];

/// The column OneChat adds to the failed-records file; ignored when that file is imported
/// again after fixing its rows.
pub const ERRORS_COLUMN: &str = "errors";

/// A CSV file, read whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Normalised column names (`Phone Number` → `phone_number`).
    pub headers: Vec<String>,
    /// Data rows.
    pub rows: Vec<Row>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's number in the file, the header being row 1.
    pub number: i64,
    /// One value per header.
    pub values: Vec<String>,
}

/// The file's text: UTF-8 without a byte-order mark. Other encodings are read as
/// Windows-1252/Latin-1 (what spreadsheets export), so nothing is refused for its accents.
/// `None` when the bytes are not text at all.
pub fn clean_text(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Some(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    })
}

/// A header as a column name: trimmed, lower-case, spaces as underscores, with the few
/// usual spellings of the contact fields mapped to theirs.
pub fn column_name(header: &str) -> String {
    let name = header.trim().to_lowercase().replace([' ', '-'], "_");
    match name.as_str() {
        "phone" | "phonenumber" | "mobile" => "phone_number".into(),
        "e_mail" | "email_address" => "email".into(),
        "company_name" => "company".into(),
        _ => name,
    }
}

/// Parses `text`. Errors are messages for the person who uploaded the file.
pub fn parse(text: &str) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| describe(&e))?
        .iter()
        .map(column_name)
        .collect();
    check_headers(&headers)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| describe(&e))?;
        // A line with nothing on it is not a contact.
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        let number = record
            .position()
            .map_or(rows.len() as i64 + 2, |p| p.line() as i64);
        rows.push(Row {
            number,
            values: record.iter().map(|v| v.trim().to_owned()).collect(),
        });
    }
    if rows.is_empty() {
        return Err("The file has no contacts: add rows under the header row".into());
    }
    Ok(Table { headers, rows })
}

fn check_headers(headers: &[String]) -> Result<(), String> {
    if headers.iter().all(|h| h.is_empty()) {
        return Err("The file is empty: the first row must name the columns".into());
    }
    if let Some(position) = headers.iter().position(String::is_empty) {
        return Err(format!(
            "Column {} of the header row has no name",
            position + 1
        ));
    }
    for (i, header) in headers.iter().enumerate() {
        if headers[..i].contains(header) {
            return Err(format!("The header row names the column {header} twice"));
        }
    }
    if !headers.iter().any(|h| KEY_COLUMNS.contains(&h.as_str())) {
        return Err("The header row must have an email, phone_number or identifier column".into());
    }
    Ok(())
}

fn describe(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "Row {} has {len} columns but the header row has {expected_len}",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        csv::ErrorKind::Utf8 { pos, .. } => format!(
            "Row {} is not valid text",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        _ => "The file is not a valid CSV file".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_normalised_and_rows_numbered_like_a_spreadsheet() {
        let table = parse(
            "Name,E-mail,Phone Number,Plan\n\"Hopper, Grace\",g@example.com,+14155550101,pro\n,,,\n\
             Alan,a@example.com,,free\n",
        )
        .unwrap();
        assert_eq!(table.headers, ["name", "email", "phone_number", "plan"]);
        assert_eq!(table.rows.len(), 2, "rows of blank cells are skipped");
        assert_eq!(table.rows[0].number, 2);
        assert_eq!(table.rows[0].values[0], "Hopper, Grace");
        assert_eq!(table.rows[1].number, 4);
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        assert!(parse("").unwrap_err().contains("empty"));
        assert!(
            parse("name,city\nAda,London\n")
                .unwrap_err()
                .contains("email, phone_number or identifier")
        );
        assert!(
            parse("email,email\na@example.com,b@example.com\n")
                .unwrap_err()
                .contains("twice")
        );
        assert!(parse("email\n").unwrap_err().contains("no contacts"));
        assert_eq!(
            parse("email,name\na@example.com,Ada\nb@example.com\n").unwrap_err(),
            "Row 3 has 1 columns but the header row has 2"
        );
        assert!(
            parse("email,\na@example.com,x\n")
                .unwrap_err()
                .contains("Column 2")
        );
    }

    #[test]
    fn text_is_cleaned_to_utf8() {
        assert_eq!(
            clean_text(b"\xEF\xBB\xBFemail\n").as_deref(),
            Some("email\n"),
            "the byte-order mark is dropped"
        );
        assert_eq!(
            clean_text(b"name\nJos\xE9\n").as_deref(),
            Some("name\nJos\u{e9}\n"),
            "Latin-1 is converted"
        );
        assert_eq!(
            clean_text(b"PK\x03\x04\x00\x00"),
            None,
            "binary files are refused"
        );
    }
}
