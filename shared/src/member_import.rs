//! The member-list import as coordinators see it: one outcome for every line of the file.

use serde::{Deserialize, Serialize};

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStatus {
    /// Checked (dry run); nothing written yet.
    Checked,
    /// Written to the member list.
    Applied,
}

/// What happens to one line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowOutcome {
    /// A new member is (or was) created.
    Create,
    /// The address already belongs to an account; the line changes nothing.
    Existing,
    /// The line cannot be imported; the messages say why.
    Invalid(Vec<String>),
}

/// One line of the file and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// Line number in the file as a spreadsheet shows it (the header is line 1).
    pub line: u64,
    pub name: String,
    pub email: String,
    /// "Leipzig (Sachsen)" when matched, else what the file says.
    pub kommune: String,
    pub outcome: RowOutcome,
}

/// The result of checking an uploaded member list, and of applying it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: i64,
    pub file_name: String,
    /// "UTF-8" or "Windows-1252".
    pub encoding: String,
    /// "Semikolon", "Komma" or "Tabulator".
    pub delimiter: String,
    pub created_at: String,
    pub created_by: String,
    pub status: ImportStatus,
    pub applied_at: Option<String>,
    /// New members get the e-mail with the link to set their password.
    pub send_invitations: bool,
    /// Problems with the file as a whole (such as a missing column), each naming its line.
    pub file_errors: Vec<String>,
    /// Columns of the file the import does not take over.
    pub ignored_columns: Vec<String>,
    pub rows: Vec<ImportRow>,
}

impl ImportReport {
    /// Lines that create a member.
    pub fn creates(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| row.outcome == RowOutcome::Create)
            .count()
    }

    /// Lines whose address already has an account.
    pub fn existing(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| row.outcome == RowOutcome::Existing)
            .count()
    }

    /// Lines with errors plus errors of the file as a whole.
    pub fn errors(&self) -> usize {
        self.file_errors.len()
            + self
                .rows
                .iter()
                .filter(|row| matches!(row.outcome, RowOutcome::Invalid(_)))
                .count()
    }

    /// Whether the import may be applied: checked, free of errors and creating someone.
    pub fn can_apply(&self) -> bool {
        self.status == ImportStatus::Checked && self.errors() == 0 && self.creates() > 0
    }
}

/// Why an upload could not even be checked; the code travels in the URL after the redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    NoFile,
    Empty,
    TooLarge,
    TooManyRows,
    Unreadable,
    RateLimited,
}

impl UploadProblem {
    pub const ALL: [UploadProblem; 6] = [
        UploadProblem::NoFile,
        UploadProblem::Empty,
        UploadProblem::TooLarge,
        UploadProblem::TooManyRows,
        UploadProblem::Unreadable,
        UploadProblem::RateLimited,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UploadProblem::NoFile => "keine-datei",
            UploadProblem::Empty => "leer",
            UploadProblem::TooLarge => "zu-gross",
            UploadProblem::TooManyRows => "zu-viele-zeilen",
            UploadProblem::Unreadable => "unlesbar",
            UploadProblem::RateLimited => "zu-oft",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn message(self) -> String {
        match self {
            UploadProblem::NoFile => "Bitte wählen Sie eine CSV-Datei aus.".into(),
            UploadProblem::Empty => "Die Datei ist leer.".into(),
            UploadProblem::TooLarge => format!(
                "Die Datei ist größer als {} MB. Bitte teilen Sie sie auf.",
                MAX_UPLOAD_BYTES / (1024 * 1024)
            ),
            UploadProblem::TooManyRows => format!(
                "Die Datei hat mehr als {MAX_ROWS} Zeilen. Bitte teilen Sie sie auf."
            ),
            UploadProblem::Unreadable => {
                "Die Datei ist keine lesbare CSV-Datei. Bitte speichern Sie die Tabelle als „CSV (Trennzeichen-getrennt)“ oder „CSV UTF-8“.".into()
            }
            UploadProblem::RateLimited => {
                "Sie haben in der letzten Stunde sehr viele Dateien geprüft. Bitte warten Sie etwas.".into()
            }
        }
    }
}

/// Largest file the import accepts.
pub const MAX_UPLOAD_BYTES: usize = 2 * 1024 * 1024;
/// Most data lines one file may have.
pub const MAX_ROWS: usize = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    fn row(outcome: RowOutcome) -> ImportRow {
        ImportRow {
            line: 2,
            name: "A".into(),
            email: "a@b.de".into(),
            kommune: "Leipzig".into(),
            outcome,
        }
    }

    fn report(rows: Vec<ImportRow>) -> ImportReport {
        ImportReport {
            id: 1,
            file_name: "a.csv".into(),
            encoding: "UTF-8".into(),
            delimiter: "Semikolon".into(),
            created_at: String::new(),
            created_by: String::new(),
            status: ImportStatus::Checked,
            applied_at: None,
            send_invitations: true,
            file_errors: vec![],
            ignored_columns: vec![],
            rows,
        }
    }

    #[test]
    fn one_bad_line_blocks_the_whole_import() {
        let good = report(vec![row(RowOutcome::Create), row(RowOutcome::Existing)]);
        assert!(good.can_apply());
        assert_eq!((good.creates(), good.existing(), good.errors()), (1, 1, 0));
        let bad = report(vec![
            row(RowOutcome::Create),
            row(RowOutcome::Invalid(vec!["x".into()])),
        ]);
        assert!(!bad.can_apply());
        assert_eq!(bad.errors(), 1);
        let mut applied = good.clone();
        applied.status = ImportStatus::Applied;
        assert!(!applied.can_apply());
        assert!(!report(vec![row(RowOutcome::Existing)]).can_apply());
    }

    #[test]
    fn upload_problem_codes_round_trip() {
        for problem in UploadProblem::ALL {
            assert_eq!(UploadProblem::from_code(problem.code()), Some(problem));
            assert!(!problem.message().is_empty());
        }
    }
}
