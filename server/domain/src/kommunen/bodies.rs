//! The body someone acts for — a municipality (listed in the gazetteer or entered by name
//! within its district) or a district — resolved from what they typed. Forum applications and
//! initial consultations both ask for it.

use sea_orm::{ConnectionTrait, DbErr};
use shared::Bundesland;
use shared::forums::BodyKind;

use super::kreise::{self, KreisMatch};
use super::queries::{self, KommuneMatch};

/// A resolved body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub kind: BodyKind,
    /// The municipality's key when the gazetteer lists it.
    pub kommune_ags: Option<String>,
    /// The district (for a district: itself).
    pub kreis_ags: String,
    /// As shown: „Freiburg im Breisgau“, „Landkreis Breisgau-Hochschwarzwald“, or a
    /// municipality not in the gazetteer as typed, with its district.
    pub name: String,
    pub land: Bundesland,
    /// Inhabitants (0 when unknown, as for a municipality not in the gazetteer).
    pub population: i64,
}

/// Why what was typed does not name one body: the field and the German message.
pub type Unresolved = (&'static str, String);

/// Resolves `typed` (field `body`) as a body of `kind`; a municipality the gazetteer does not
/// list is accepted by name when `district` (field `body_district`) names its district.
pub async fn resolve(
    db: &impl ConnectionTrait,
    kind: BodyKind,
    typed: &str,
    district: &str,
) -> Result<Result<Body, Unresolved>, DbErr> {
    if kind == BodyKind::Kreis {
        return Ok(match kreise::resolve(db, typed).await? {
            KreisMatch::Found(kreis) => Ok(Body {
                kind,
                kommune_ags: None,
                name: district_name(&kreis),
                kreis_ags: kreis.ags,
                land: kreis.land,
                population: kreis.population,
            }),
            KreisMatch::Ambiguous(options) => Err(("body", ambiguous(options.iter().map(|k| k.label())))),
            KreisMatch::NotFound => Err((
                "body",
                "Diesen Landkreis kennen wir nicht. Bitte prüfen Sie die Schreibweise oder wählen Sie einen Vorschlag aus der Liste.".to_owned(),
            )),
        });
    }
    match queries::resolve(db, typed).await? {
        KommuneMatch::Found(kommune) => {
            let kreis_ags = kommune.ags.get(..5).unwrap_or_default().to_owned();
            Ok(Ok(Body {
                kind,
                kommune_ags: Some(kommune.ags),
                kreis_ags,
                name: kommune.name,
                land: kommune.land,
                population: kommune.population,
            }))
        }
        KommuneMatch::Ambiguous(options) => Ok(Err((
            "body",
            ambiguous(options.iter().map(|k| k.label())),
        ))),
        KommuneMatch::NotFound if district.trim().is_empty() => Ok(Err((
            "body",
            "Diese Kommune finden wir nicht in unserem Verzeichnis (es führt Gemeinden ab etwa 1.000 Einwohner*innen). Prüfen Sie die Schreibweise – oder nennen Sie unten zusätzlich den Landkreis, dann nehmen wir die Gemeinde so auf.".to_owned(),
        ))),
        KommuneMatch::NotFound => Ok(match kreise::resolve(db, district).await? {
            KreisMatch::Found(kreis) => Ok(Body {
                kind,
                kommune_ags: None,
                name: format!("{} ({})", typed.trim(), district_name(&kreis)),
                kreis_ags: kreis.ags,
                land: kreis.land,
                population: 0,
            }),
            KreisMatch::Ambiguous(options) => Err((
                "body_district",
                ambiguous(options.iter().map(|k| k.label())),
            )),
            KreisMatch::NotFound => Err((
                "body_district",
                "Diesen Landkreis kennen wir nicht. Bitte wählen Sie einen Vorschlag aus der Liste.".to_owned(),
            )),
        }),
    }
}

/// „Landkreis Breisgau-Hochschwarzwald“, „Fürth, Stadt“ (kreisfreie Städte name themselves).
fn district_name(kreis: &shared::KreisSuggestion) -> String {
    match kreis.kind.as_str() {
        "Landkreis" | "Kreis" if !kreis.name.contains(',') => {
            format!("{} {}", kreis.kind, kreis.name)
        }
        _ => kreis.name.clone(),
    }
}

fn ambiguous(labels: impl Iterator<Item = String>) -> String {
    let examples: Vec<String> = labels.take(4).collect();
    format!(
        "Mehrere Einträge passen. Bitte wählen Sie einen davon: {}.",
        examples.join("; ")
    )
}
