//! Coordinators add municipalities the gazetteer lacks (it lists those of about 1,000
//! inhabitants and more): an official key within a known district, a name, optionally the
//! population and the coordinates — placed in the middle of its district when none are given.

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use shared::kommunen::{CheckedKommune, KommuneForm};
use shared::text::fold_for_search;
use shared::{FieldError, SessionUser};

use crate::DomainError;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::entities::{kommune, kreis};

fn refused(form: &KommuneForm, field: &str, message: &str) -> DomainError {
    let mut errors = form.kept_values();
    errors.add(field, FieldError::new(message));
    DomainError::Validation(errors)
}

/// The coordination group adds a municipality; returns its key.
pub async fn add(
    db: &DatabaseConnection,
    actor: &SessionUser,
    form: &KommuneForm,
) -> Result<String, DomainError> {
    if !actor.is_coordinator() {
        return Err(DomainError::Forbidden);
    }
    let CheckedKommune {
        ags,
        name,
        population,
        position,
    } = form.check().map_err(DomainError::Validation)?;
    let txn = begin_write(db).await?;
    let district = &ags.as_str()[..5];
    if kreis::Entity::find_by_id(district.to_owned())
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(refused(
            form,
            "ags",
            "Die ersten fünf Ziffern nennen keinen bekannten Landkreis.",
        ));
    }
    if kommune::Entity::find_by_id(ags.as_str().to_owned())
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(refused(
            form,
            "ags",
            "Diese Kommune steht schon im Verzeichnis.",
        ));
    }
    let (lat, lon) = match position {
        Some(position) => position,
        None => {
            let places = kommune::Entity::find()
                .filter(kommune::Column::Ags.starts_with(district))
                .all(&txn)
                .await?;
            if places.is_empty() {
                return Err(refused(
                    form,
                    "lat",
                    "Für diesen Landkreis kennen wir noch keinen Ort; bitte geben Sie die Koordinaten an.",
                ));
            }
            let n = places.len() as f64;
            (
                places.iter().map(|k| k.lat).sum::<f64>() / n,
                places.iter().map(|k| k.lon).sum::<f64>() / n,
            )
        }
    };
    kommune::ActiveModel {
        ags: Set(ags.as_str().to_owned()),
        search_name: Set(fold_for_search(&name)),
        name: Set(name.clone()),
        land: Set(ags.bundesland().code().to_owned()),
        population: Set(population),
        lat: Set(lat),
        lon: Set(lon),
        source: Set("koordination".to_owned()),
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, Some(actor), "kommune.add", &name, ags.as_str()).await?;
    txn.commit().await?;
    Ok(ags.as_str().to_owned())
}
