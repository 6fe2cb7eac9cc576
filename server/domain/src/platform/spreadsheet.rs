//! CSV files that Excel opens correctly and cannot be tricked into running formulas: UTF-8
//! with byte-order mark, semicolons, and every formula-like cell defused.

use crate::DomainError;

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV
/// injection"); the member import removes it again. That is a cell starting with `=`, `+`,
/// `-`, `@`, tab or CR — also after leading spaces or line breaks, which some spreadsheets skip.
pub fn defuse(cell: &str) -> String {
    let first_visible = cell
        .trim_start_matches([' ', '\n', '\r', '\t', '\u{a0}'])
        .chars()
        .next();
    match (cell.chars().next(), first_visible) {
        (Some('\t' | '\r'), _) | (_, Some('=' | '+' | '-' | '@')) => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// A whole CSV document: `header`, then `rows`, every cell defused.
pub fn csv_document<I, R>(header: &[&str], rows: I) -> Result<Vec<u8>, DomainError>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let fail = |error: csv::Error| {
        tracing::error!(%error, "CSV export failed");
        DomainError::Internal
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        writer
            .write_record(row.into_iter().map(|cell| defuse(&cell)))
            .map_err(fail)?;
    }
    writer.into_inner().map_err(|error| {
        tracing::error!(%error, "CSV export failed");
        DomainError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::{csv_document, defuse};

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+49 341 1"), "'+49 341 1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse(" =1+1"), "' =1+1");
        assert_eq!(defuse("\n@SUM(A1)"), "'\n@SUM(A1)");
        assert_eq!(defuse("\r\n-2+3"), "'\r\n-2+3");
        assert_eq!(defuse("  Leipzig - Mitte"), "  Leipzig - Mitte");
        assert_eq!(defuse("Leipzig"), "Leipzig");
        assert_eq!(defuse(""), "");
    }

    #[test]
    fn documents_start_with_a_byte_order_mark_and_use_semicolons() {
        let bytes = csv_document(
            &["Name", "Ort"],
            [vec!["=1".to_owned(), "Köln; Mitte".to_owned()]],
        )
        .expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(text, "\u{feff}Name;Ort\n'=1;\"Köln; Mitte\"\n");
    }
}
