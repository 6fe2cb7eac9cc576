//! Checking every line of a parsed member list against the gazetteer and the existing
//! accounts. Pure: the caller loads the gazetteer and the addresses, so the same check runs for
//! the dry run and again inside the transaction that applies the import.

use std::collections::{HashMap, HashSet};

use shared::member_import::{ImportRow, RowOutcome};
use shared::text::fold_for_search;
use shared::validation::{email_address, optional_text, required_text};
use shared::{Bundesland, FieldError, KommuneSuggestion, Topic, Visibility};

use super::csv_file::{Field, RawRow, Sheet};

/// The gazetteer in memory, by key and by folded name.
pub struct Gazetteer {
    by_ags: HashMap<String, KommuneSuggestion>,
    by_name: HashMap<String, Vec<KommuneSuggestion>>,
}

impl Gazetteer {
    pub fn new(kommunen: Vec<KommuneSuggestion>) -> Self {
        let mut by_name: HashMap<String, Vec<KommuneSuggestion>> = HashMap::new();
        for kommune in &kommunen {
            by_name
                .entry(fold_for_search(&kommune.name))
                .or_default()
                .push(kommune.clone());
        }
        Self {
            by_ags: kommunen.into_iter().map(|k| (k.ags.clone(), k)).collect(),
            by_name,
        }
    }

    fn named(&self, folded: &str, land: Option<Bundesland>) -> Vec<&KommuneSuggestion> {
        self.by_name
            .get(folded)
            .map(|found| {
                found
                    .iter()
                    .filter(|k| land.is_none_or(|land| k.land == land))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A member the import creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub email: String,
    pub name: String,
    pub ags: String,
    pub position: String,
    pub department: String,
    pub phone: String,
    pub website: String,
    pub visibility: Visibility,
    pub topics: Vec<Topic>,
}

/// A checked line: its report and, when it creates a member, the data to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub report: ImportRow,
    pub member: Option<NewMember>,
}

/// Checks every line; `existing` holds the addresses (lower case) that already have an account.
pub fn plan(sheet: &Sheet, gazetteer: &Gazetteer, existing: &HashSet<String>) -> Vec<PlannedRow> {
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    sheet
        .rows
        .iter()
        .map(|row| check_row(row, gazetteer, existing, &mut first_line_of))
        .collect()
}

fn check_row(
    row: &RawRow,
    gazetteer: &Gazetteer,
    existing: &HashSet<String>,
    first_line_of: &mut HashMap<String, u64>,
) -> PlannedRow {
    let mut errors: Vec<String> = Vec::new();
    let mut take = |field: Field, result: Result<String, FieldError>| match result {
        Ok(value) => value,
        Err(error) => {
            errors.push(format!("{}: {}", field.label(), error.message));
            String::new()
        }
    };
    let raw_name = if row.get(Field::Name).is_empty() {
        format!("{} {}", row.get(Field::FirstName), row.get(Field::LastName))
    } else {
        row.get(Field::Name).to_owned()
    };
    let email = take(
        Field::Email,
        if row.get(Field::Email).is_empty() {
            Err(FieldError::new("fehlt."))
        } else {
            email_address(row.get(Field::Email)).map_err(|_| {
                FieldError::new(format!(
                    "„{}“ ist keine gültige Adresse.",
                    row.get(Field::Email)
                ))
            })
        },
    );
    let name = take(
        Field::Name,
        required_text(&raw_name, "fehlt.", 2, 120)
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" ")),
    );
    let position = take(
        Field::Position,
        required_text(row.get(Field::Position), "fehlt.", 2, 120),
    );
    let department = take(
        Field::Department,
        optional_text(row.get(Field::Department), 120),
    );
    let phone = take(Field::Phone, shared::profile::phone(row.get(Field::Phone)));
    let website = take(
        Field::Website,
        shared::profile::website(row.get(Field::Website)),
    );
    let visibility = match visibility(row.get(Field::Visibility)) {
        Ok(v) => v,
        Err(message) => {
            errors.push(format!("{}: {message}", Field::Visibility.label()));
            Visibility::Members
        }
    };
    let topics = match topics(row.get(Field::Topics)) {
        Ok(t) => t,
        Err(message) => {
            errors.push(format!("{}: {message}", Field::Topics.label()));
            Vec::new()
        }
    };
    let kommune = match kommune(row, gazetteer) {
        Ok(k) => Some(k),
        Err(message) => {
            errors.push(message);
            None
        }
    };
    if row.extra_cells > 0 {
        errors.push(
            "Die Zeile hat mehr Felder als die Kopfzeile – Trennzeichen oder Anführungszeichen prüfen."
                .into(),
        );
    }
    let mut duplicate = false;
    if !email.is_empty() {
        match first_line_of.get(&email) {
            Some(first) => {
                duplicate = true;
                errors.push(format!("E-Mail: Die Adresse steht schon in Zeile {first}."));
            }
            None => {
                first_line_of.insert(email.clone(), row.line);
            }
        }
    }
    let kommune_label = kommune.as_ref().map_or_else(
        || {
            [row.get(Field::Kommune), row.get(Field::Ags)]
                .into_iter()
                .find(|v| !v.is_empty())
                .unwrap_or_default()
                .to_owned()
        },
        KommuneSuggestion::label,
    );
    let report = |outcome| ImportRow {
        line: row.line,
        name: if name.is_empty() {
            raw_name.trim().to_owned()
        } else {
            name.clone()
        },
        email: if email.is_empty() {
            row.get(Field::Email).to_owned()
        } else {
            email.clone()
        },
        kommune: kommune_label.clone(),
        outcome,
    };
    // An address with an account changes nothing, so its other cells do not matter (an
    // exported list names coordinators without a profile, for instance).
    if existing.contains(&email) && !duplicate {
        return PlannedRow {
            report: report(RowOutcome::Existing),
            member: None,
        };
    }
    if !errors.is_empty() {
        return PlannedRow {
            report: report(RowOutcome::Invalid(errors)),
            member: None,
        };
    }
    let Some(kommune) = kommune else {
        // Unreachable: a missing municipality is an error above.
        return PlannedRow {
            report: report(RowOutcome::Invalid(vec!["Kommune fehlt.".into()])),
            member: None,
        };
    };
    PlannedRow {
        report: report(RowOutcome::Create),
        member: Some(NewMember {
            email,
            name,
            ags: kommune.ags,
            position,
            department,
            phone,
            website,
            visibility,
            topics,
        }),
    }
}

/// Finds the municipality by key (8-digit AGS, a 7-digit key whose leading zero a spreadsheet
/// dropped, or a 12-digit regional key) or by name and state.
fn kommune(row: &RawRow, gazetteer: &Gazetteer) -> Result<KommuneSuggestion, String> {
    let land_cell = row.get(Field::Land);
    let land =
        if land_cell.is_empty() {
            None
        } else {
            Some(bundesland(land_cell).ok_or_else(|| {
                format!("Bundesland: „{land_cell}“ ist kein deutsches Bundesland.")
            })?)
        };
    let name = row.get(Field::Kommune);
    let key_cell = row.get(Field::Ags);
    if !key_cell.is_empty() {
        let digits: String = key_cell.chars().filter(|c| !c.is_whitespace()).collect();
        let ags = match digits.len() {
            _ if !digits.bytes().all(|b| b.is_ascii_digit()) => None,
            7 => Some(format!("0{digits}")),
            8 => Some(digits.clone()),
            12 => Some(format!("{}{}", &digits[..5], &digits[9..])),
            _ => None,
        }
        .ok_or_else(|| {
            format!("AGS: „{key_cell}“ ist kein Gemeindeschlüssel (8 Ziffern, z. B. 14713000).")
        })?;
        let found = gazetteer
            .by_ags
            .get(&ags)
            .ok_or_else(|| format!("AGS: Zum Gemeindeschlüssel {ags} kennen wir keine Kommune."))?;
        if let Some(land) = land
            && land != found.land
        {
            return Err(format!(
                "Bundesland: {} liegt in {}, nicht in {}.",
                found.name,
                found.land.name(),
                land.name()
            ));
        }
        let given = fold_for_search(name);
        let known = fold_for_search(&found.name);
        if !given.is_empty() && !given.contains(&known) && !known.contains(&given) {
            return Err(format!(
                "AGS: Der Gemeindeschlüssel {ags} gehört zu {}, nicht zu „{name}“.",
                found.label()
            ));
        }
        return Ok(found.clone());
    }
    if name.is_empty() {
        return Err("Kommune: fehlt (Name oder AGS angeben).".into());
    }
    let folded = fold_for_search(name);
    let mut candidates = gazetteer.named(&folded, land);
    if candidates.is_empty() {
        // "Stadt Leipzig", "Leipzig, Stadt": official lists add the type of municipality.
        let stripped = ["stadt ", "gemeinde ", "markt ", "hansestadt "]
            .iter()
            .find_map(|prefix| folded.strip_prefix(prefix))
            .or_else(|| folded.strip_suffix(", stadt"))
            .unwrap_or(&folded)
            .to_owned();
        candidates = gazetteer.named(&stripped, land);
    }
    match candidates.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(match land {
            Some(land) => format!(
                "Kommune: „{name}“ gibt es in {} nicht – bitte Schreibweise prüfen oder AGS angeben.",
                land.name()
            ),
            None => format!(
                "Kommune: „{name}“ kennen wir nicht – bitte Schreibweise prüfen oder AGS angeben."
            ),
        }),
        several => {
            let examples: Vec<String> = several.iter().take(4).map(|k| k.label()).collect();
            Err(format!(
                "Kommune: „{name}“ ist mehrdeutig ({}) – bitte Bundesland oder AGS angeben.",
                examples.join(", ")
            ))
        }
    }
}

fn bundesland(cell: &str) -> Option<Bundesland> {
    let folded = fold_for_search(cell);
    Bundesland::ALL.into_iter().find(|land| {
        land.code().eq_ignore_ascii_case(cell.trim()) || fold_for_search(land.name()) == folded
    })
}

/// "öffentlich", "Mitglieder", "verborgen" (also the codes); empty means members only.
fn visibility(cell: &str) -> Result<Visibility, String> {
    let folded = fold_for_search(cell);
    Ok(match folded.as_str() {
        "" | "mitglieder" | "nur mitglieder" | "nur fuer mitglieder" | "members" => {
            Visibility::Members
        }
        "oeffentlich" | "public" | "alle" => Visibility::Public,
        "verborgen" | "hidden" | "nein" | "privat" => Visibility::Hidden,
        _ => {
            return Err(format!(
                "„{cell}“ verstehen wir nicht – erlaubt sind „öffentlich“, „Mitglieder“ oder „verborgen“."
            ));
        }
    })
}

/// Topics separated by comma, semicolon, slash or "|", as code or (start of the) label.
fn topics(cell: &str) -> Result<Vec<Topic>, String> {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for part in cell.split([',', ';', '|', '/', '\n']) {
        let folded = fold_for_search(part);
        if folded.is_empty() {
            continue;
        }
        let topic = Topic::ALL.into_iter().find(|topic| {
            let label = fold_for_search(topic.label());
            folded == topic.code()
                || folded == label
                || (folded.chars().count() >= 4 && label.starts_with(&folded))
                || folded.starts_with(topic.code())
        });
        match topic {
            Some(topic) if !found.contains(&topic) => found.push(topic),
            Some(_) => {}
            None => unknown.push(format!("„{}“", part.trim())),
        }
    }
    if unknown.is_empty() {
        found.sort();
        Ok(found)
    } else {
        let known: Vec<&str> = Topic::ALL.iter().map(|t| t.label()).collect();
        Err(format!(
            "{} kennen wir nicht – möglich sind: {}.",
            unknown.join(", "),
            known.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::member_import::csv_file::parse;

    fn kommune(ags: &str, name: &str, land: Bundesland) -> KommuneSuggestion {
        KommuneSuggestion {
            ags: ags.into(),
            name: name.into(),
            land,
            population: 1000,
            lat: 51.0,
            lon: 12.0,
        }
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::new(vec![
            kommune("14713000", "Leipzig", Bundesland::SN),
            kommune("01001000", "Flensburg", Bundesland::SH),
            kommune("07111000", "Neustadt", Bundesland::RP),
            kommune("09111000", "Neustadt", Bundesland::BY),
            kommune("05315000", "Köln", Bundesland::NW),
        ])
    }

    fn outcomes(csv: &str, existing: &[&str]) -> Vec<(u64, RowOutcome)> {
        let sheet = parse(csv);
        assert!(sheet.file_errors.is_empty(), "{:?}", sheet.file_errors);
        let existing = existing.iter().map(|e| (*e).to_owned()).collect();
        plan(&sheet, &gazetteer(), &existing)
            .into_iter()
            .map(|row| (row.report.line, row.report.outcome))
            .collect()
    }

    fn errors_of(outcome: &RowOutcome) -> String {
        match outcome {
            RowOutcome::Invalid(errors) => errors.join(" | "),
            other => panic!("expected errors, got {other:?}"),
        }
    }

    #[test]
    fn municipalities_match_by_key_by_name_and_state_and_by_spreadsheet_mangled_keys() {
        let rows = plan(
            &parse(
                "E-Mail;Name;AGS;Kommune;Bundesland;Funktion;Themen;Sichtbarkeit\n\
                 a@x.de;Anna A;14713000;;;Beauftragte;Energie, Mobilität;öffentlich\n\
                 b@x.de;Bert B;1001000;;;Beauftragter;;\n\
                 c@x.de;Cora C;;Neustadt;Bayern;Beauftragte;innenstädte;verborgen\n\
                 d@x.de;Dora D;;Stadt Köln;;Beauftragte;Verwaltungskultur;Mitglieder\n\
                 e@x.de;Emil E;051150000000;;;Beauftragter;;\n",
            ),
            &gazetteer(),
            &HashSet::new(),
        );
        let members: Vec<NewMember> = rows.iter().filter_map(|r| r.member.clone()).collect();
        assert_eq!(members.len(), 4, "{rows:?}");
        assert_eq!(members[0].ags, "14713000");
        assert_eq!(members[0].topics, vec![Topic::Energie, Topic::Mobilitaet]);
        assert_eq!(members[0].visibility, Visibility::Public);
        assert_eq!(members[1].ags, "01001000");
        assert_eq!(members[1].visibility, Visibility::Members);
        assert_eq!(members[2].ags, "09111000");
        assert_eq!(members[2].topics, vec![Topic::Innenstadt]);
        assert_eq!(members[2].visibility, Visibility::Hidden);
        assert_eq!(members[3].ags, "05315000");
        assert_eq!(rows[2].report.kommune, "Neustadt (Bayern)");
        // 05115…: a regional key whose municipality we do not know.
        assert!(errors_of(&rows[4].report.outcome).contains("05115000"));
    }

    #[test]
    fn every_bad_line_is_named_with_its_reasons() {
        let found = outcomes(
            "E-Mail;Name;Kommune;Bundesland;Funktion;Themen;Telefon\n\
             kaputt;Anna;Leipzig;;Beauftragte;;\n\
             b@x.de;;Neustadt;;Beauftragte;;\n\
             c@x.de;Cora;Atlantis;;Beauftragte;Raumfahrt;\n\
             d@x.de;Dora;Leipzig;Bayern;;;abc\n\
             e@x.de;Emil;Leipzig;;Beauftragter;;\n\
             E@x.de;Emil;Leipzig;;Beauftragter;;\n",
            &[],
        );
        assert_eq!(found.len(), 6);
        let line = |n: u64| {
            found
                .iter()
                .find(|(line, _)| *line == n)
                .map(|(_, o)| o.clone())
                .unwrap_or_else(|| panic!("line {n} missing"))
        };
        assert!(errors_of(&line(2)).contains("„kaputt“ ist keine gültige Adresse"));
        let two = errors_of(&line(3));
        assert!(two.contains("Name: fehlt."), "{two}");
        assert!(two.contains("mehrdeutig"), "{two}");
        let three = errors_of(&line(4));
        assert!(three.contains("„Atlantis“ kennen wir nicht"), "{three}");
        assert!(three.contains("„Raumfahrt“"), "{three}");
        let four = errors_of(&line(5));
        assert!(four.contains("„Leipzig“ gibt es in Bayern nicht"), "{four}");
        assert!(four.contains("Funktion: fehlt."), "{four}");
        assert!(four.contains("Telefon:"), "{four}");
        assert_eq!(line(6), RowOutcome::Create);
        assert!(errors_of(&line(7)).contains("schon in Zeile 6"));
    }

    #[test]
    fn known_addresses_change_nothing_and_a_key_must_fit_the_name() {
        let found = outcomes(
            "E-Mail;Name;AGS;Kommune;Funktion\n\
             schon@x.de;Anna;14713000;Leipzig;Beauftragte\n\
             neu@x.de;Bert;14713000;Köln;Beauftragter\n",
            &["schon@x.de"],
        );
        assert_eq!(found[0].1, RowOutcome::Existing);
        assert!(errors_of(&found[1].1).contains("gehört zu Leipzig (Sachsen), nicht zu „Köln“"));
    }
}
