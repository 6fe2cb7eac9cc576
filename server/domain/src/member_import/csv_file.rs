//! Reading an uploaded member list: encoding (UTF-8, Windows-1252 as Excel writes it, UTF-16
//! from Excel's "Unicode text"), delimiter (semicolon, comma, tab), header names in the
//! variants lists actually use, and every data line with its line number.

use std::collections::HashMap;

use shared::text::fold_for_search;

/// A column the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Email,
    Name,
    FirstName,
    LastName,
    Ags,
    Kommune,
    Land,
    Position,
    Department,
    Topics,
    Visibility,
    Phone,
    Website,
}

impl Field {
    /// The column's name in the export and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Email => "E-Mail",
            Field::Name => "Name",
            Field::FirstName => "Vorname",
            Field::LastName => "Nachname",
            Field::Ags => "AGS",
            Field::Kommune => "Kommune",
            Field::Land => "Bundesland",
            Field::Position => "Funktion",
            Field::Department => "Abteilung",
            Field::Topics => "Themen",
            Field::Visibility => "Sichtbarkeit",
            Field::Phone => "Telefon",
            Field::Website => "Website",
        }
    }

    /// Recognises a header cell, ignoring case, umlaut spelling, spaces and punctuation.
    fn from_header(header: &str) -> Option<Self> {
        let key: String = fold_for_search(header)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        Some(match key.as_str() {
            "email" | "emailadresse" | "mail" | "mailadresse" | "emailaddress" => Field::Email,
            "name" | "vollername" | "vornamename" | "namevorname" | "person" => Field::Name,
            "vorname" => Field::FirstName,
            "nachname" | "familienname" | "zuname" => Field::LastName,
            "ags"
            | "gemeindeschluessel"
            | "amtlichergemeindeschluessel"
            | "gemeindekennziffer"
            | "gkz"
            | "ars"
            | "regionalschluessel" => Field::Ags,
            "kommune" | "gemeinde" | "stadt" | "ort" | "stadtgemeinde" | "kommunename" => {
                Field::Kommune
            }
            "bundesland" | "land" => Field::Land,
            "funktion" | "position" | "stelle" => Field::Position,
            "abteilung" | "fachbereich" | "amt" | "organisationseinheit" | "dienststelle" => {
                Field::Department
            }
            "themen" | "thema" | "themenschwerpunkte" | "schwerpunkte" => Field::Topics,
            "sichtbarkeit" | "profilsichtbarkeit" => Field::Visibility,
            "telefon" | "tel" | "telefonnummer" | "fon" => Field::Phone,
            "website" | "webseite" | "internet" | "homepage" | "url" => Field::Website,
            _ => return None,
        })
    }
}

/// The text encoding the file was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decodes the bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (what
/// Excel's "CSV (Trennzeichen-getrennt)" writes on German Windows). Windows-1252 maps every
/// byte, so this never fails; a binary file shows up as a file without known columns.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8,
        );
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return (text.into_owned(), TextEncoding::Utf16);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// The delimiter between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Semicolon,
    Comma,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Semicolon => b';',
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Semicolon => "Semikolon",
            Delimiter::Comma => "Komma",
            Delimiter::Tab => "Tabulator",
        }
    }

    fn from_char(c: char) -> Option<Self> {
        match c {
            ';' => Some(Delimiter::Semicolon),
            ',' => Some(Delimiter::Comma),
            '\t' => Some(Delimiter::Tab),
            _ => None,
        }
    }
}

/// One data line: its number and the cells of the known columns (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub line: u64,
    pub cells: HashMap<Field, String>,
    /// Cells beyond the header's columns that hold text (a sign of a wrong delimiter or a
    /// stray quote).
    pub extra_cells: usize,
}

impl RawRow {
    /// The cell of `field`, empty when the column is missing.
    pub fn get(&self, field: Field) -> &str {
        self.cells.get(&field).map_or("", String::as_str)
    }
}

/// The parsed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub delimiter: Delimiter,
    pub columns: Vec<Field>,
    pub ignored_columns: Vec<String>,
    pub file_errors: Vec<String>,
    pub rows: Vec<RawRow>,
}

/// Counts candidate delimiters in the header line outside quotes; the most frequent wins.
fn detect_delimiter(header_line: &str) -> Delimiter {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(index, count)| (**count, std::cmp::Reverse(*index)))
        .map_or(0, |(index, _)| index);
    [Delimiter::Semicolon, Delimiter::Comma, Delimiter::Tab][best]
}

/// Parses decoded text into known columns and data lines. Lines without any text are skipped
/// (spreadsheets leave them at the end); line numbers count from 1 at the first line of the
/// file, as a spreadsheet shows them.
pub fn parse(text: &str) -> Sheet {
    let mut text = text;
    let mut line_offset = 0u64;
    // Excel understands a first line `sep=;`; honour and skip it.
    let mut forced = None;
    if let Some(first) = text.lines().next()
        && let Some(sep) = first.trim().strip_prefix("sep=")
        && let Some(delimiter) = sep.chars().next().and_then(Delimiter::from_char)
    {
        forced = Some(delimiter);
        text = text.split_once('\n').map_or("", |(_, rest)| rest);
        line_offset = 1;
    }
    let delimiter =
        forced.unwrap_or_else(|| detect_delimiter(text.lines().next().unwrap_or_default()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet {
        delimiter,
        columns: Vec::new(),
        ignored_columns: Vec::new(),
        file_errors: Vec::new(),
        rows: Vec::new(),
    };
    let mut lines = LineCounter::new(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => {
                sheet
                    .file_errors
                    .push("Die Datei enthält keine Kopfzeile mit Spaltennamen.".into());
                return sheet;
            }
            Some(Err(error)) => {
                sheet.file_errors.push(csv_error(&error, line_offset));
                return sheet;
            }
            Some(Ok(record)) if record.iter().all(|cell| cell.trim().is_empty()) => continue,
            Some(Ok(record)) => break record,
        }
    };
    let header_line = header.position().map_or(1, |p| lines.line_at(p.byte())) + line_offset;
    let mut positions: Vec<Option<Field>> = Vec::with_capacity(header.len());
    for cell in &header {
        let name = cell.trim();
        match Field::from_header(name) {
            Some(field) if positions.contains(&Some(field)) => {
                sheet.file_errors.push(format!(
                    "Zeile {header_line}: Die Spalte „{}“ kommt zweimal vor.",
                    field.label()
                ));
                positions.push(None);
            }
            Some(field) => positions.push(Some(field)),
            None => {
                if !name.is_empty() {
                    sheet.ignored_columns.push(name.to_owned());
                }
                positions.push(None);
            }
        }
    }
    sheet.columns = positions.iter().flatten().copied().collect();
    let has = |field: Field| sheet.columns.contains(&field);
    let mut missing = Vec::new();
    if !has(Field::Email) {
        missing.push("„E-Mail“".to_owned());
    }
    let has_name = has(Field::Name) || (has(Field::FirstName) && has(Field::LastName));
    if !has_name {
        missing.push("„Name“ (oder „Vorname“ und „Nachname“)".to_owned());
    }
    if !has(Field::Ags) && !has(Field::Kommune) {
        missing.push("„AGS“ oder „Kommune“".to_owned());
    }
    if !has(Field::Position) {
        missing.push("„Funktion“".to_owned());
    }
    if !missing.is_empty() {
        sheet.file_errors.push(format!(
            "Zeile {header_line}: In der Kopfzeile fehlt {} (Trennzeichen erkannt: {}).",
            missing.join(", "),
            delimiter.label()
        ));
        return sheet;
    }
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                sheet.file_errors.push(csv_error(&error, line_offset));
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte())) + line_offset;
        let mut cells = HashMap::new();
        for (index, cell) in record.iter().enumerate() {
            if let Some(Some(field)) = positions.get(index) {
                cells.insert(*field, restore_defused(cell.trim()).to_owned());
            }
        }
        let extra_cells = record
            .iter()
            .skip(positions.len())
            .filter(|cell| !cell.trim().is_empty())
            .count();
        sheet.rows.push(RawRow {
            line,
            cells,
            extra_cells,
        });
    }
    sheet
}

/// Line numbers from byte offsets, counted incrementally. (The csv crate's own line count is
/// one too low after Windows line ends: a record's position points at the `\n` of the `\r\n`
/// before it.)
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line on which the record starting at `byte` begins; offsets must not decrease.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\n' | b'\r') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.text[self.offset..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = start;
        }
        self.line
    }
}

/// Removes the apostrophe our export puts before cells a spreadsheet would run as formulas.
fn restore_defused(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches([' ', '\n', '\r', '\t', '\u{a0}'])
                .starts_with(['=', '+', '-', '@']) =>
        {
            rest
        }
        _ => cell,
    }
}

fn csv_error(error: &csv::Error, line_offset: u64) -> String {
    match error.position() {
        Some(position) => format!(
            "Zeile {}: Die Zeile kann nicht gelesen werden (Anführungszeichen prüfen).",
            position.line() + line_offset
        ),
        None => "Die Datei kann nicht als CSV gelesen werden.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_windows_1252_are_decoded() {
        let (text, encoding) = decode("\u{feff}Name;Köln".as_bytes());
        assert_eq!((text.as_str(), encoding), ("Name;Köln", TextEncoding::Utf8));
        let (text, encoding) = decode("Name;Köln".as_bytes());
        assert_eq!((text.as_str(), encoding), ("Name;Köln", TextEncoding::Utf8));
        // "Köln; Straße" as Excel writes it on German Windows.
        let (text, encoding) = decode(b"K\xf6ln; Stra\xdfe \x80");
        assert_eq!(
            (text.as_str(), encoding),
            ("Köln; Straße €", TextEncoding::Windows1252)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Köln".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), ("Köln".to_owned(), TextEncoding::Utf16));
    }

    #[test]
    fn delimiter_is_detected_outside_quotes() {
        assert_eq!(detect_delimiter("E-Mail;Name;AGS"), Delimiter::Semicolon);
        assert_eq!(detect_delimiter("E-Mail,Name,AGS"), Delimiter::Comma);
        assert_eq!(detect_delimiter("\"a;b;c\",Name,AGS"), Delimiter::Comma);
        assert_eq!(detect_delimiter("E-Mail\tName\tAGS"), Delimiter::Tab);
    }

    #[test]
    fn header_variants_map_to_fields_and_unknown_columns_are_reported() {
        let sheet = parse(
            "E-Mail-Adresse;Vorname;Nachname;Gemeindeschlüssel;Funktion;Bemerkung\n\
             a@b.de;Anna;Berg;14713000;Beauftragte;egal\n",
        );
        assert!(sheet.file_errors.is_empty(), "{:?}", sheet.file_errors);
        assert_eq!(
            sheet.columns,
            vec![
                Field::Email,
                Field::FirstName,
                Field::LastName,
                Field::Ags,
                Field::Position
            ]
        );
        assert_eq!(sheet.ignored_columns, vec!["Bemerkung".to_owned()]);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].line, 2);
        assert_eq!(sheet.rows[0].get(Field::Ags), "14713000");
        assert_eq!(sheet.rows[0].get(Field::Kommune), "");
    }

    #[test]
    fn missing_required_columns_name_line_one() {
        let sheet = parse("Name,Kommune\nAnna,Leipzig\n");
        assert_eq!(sheet.file_errors.len(), 1);
        assert!(sheet.file_errors[0].starts_with("Zeile 1:"));
        assert!(sheet.file_errors[0].contains("„E-Mail“"));
        assert!(sheet.file_errors[0].contains("„Funktion“"));
        assert!(sheet.rows.is_empty());
    }

    #[test]
    fn line_numbers_count_quoted_line_breaks_blank_lines_and_sep_line() {
        let sheet = parse(
            "sep=;\nE-Mail;Name;Kommune;Funktion\n\
             a@b.de;\"Anna\nBerg\";Leipzig;B\n\
             ;;;\n\
             c@d.de;Carl;Halle;B;zu viel\n",
        );
        assert!(sheet.file_errors.is_empty(), "{:?}", sheet.file_errors);
        let lines: Vec<u64> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 6]);
        assert_eq!(sheet.rows[0].get(Field::Name), "Anna\nBerg");
        assert_eq!(sheet.rows[1].extra_cells, 1);
    }

    #[test]
    fn defused_formula_cells_are_restored() {
        let sheet =
            parse("E-Mail;Name;AGS;Funktion;Telefon\na@b.de;'=Anna;14713000;B;'+49 341 1\n");
        assert_eq!(sheet.rows[0].get(Field::Phone), "+49 341 1");
        assert_eq!(sheet.rows[0].get(Field::Name), "=Anna");
    }

    #[test]
    fn windows_line_ends_keep_the_line_numbers() {
        let sheet = parse("E-Mail;Name;AGS;Funktion\r\na@b.de;A;1;B\r\n\r\nc@d.de;C;2;D\r\n");
        let lines: Vec<u64> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }

    #[test]
    fn duplicate_columns_are_a_file_error() {
        let sheet = parse("E-Mail;Mail;Name;AGS;Funktion\n");
        assert_eq!(
            sheet.file_errors,
            vec!["Zeile 1: Die Spalte „E-Mail“ kommt zweimal vor.".to_owned()]
        );
    }
}
