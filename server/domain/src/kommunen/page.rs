//! A municipality's page (`/kommunen/{ags}`): where it lies, the network's members there as
//! the viewer may see them, and its public practice examples and reports — so municipalities
//! that have done something are found by those about to start.

use sea_orm::{ConnectionTrait, EntityTrait};
use shared::kommunen::KommunePage;
use shared::{Ags, Bundesland, SessionUser};

use crate::DomainError;
use crate::officers::Viewer;
use crate::officers::snapshot::DirectoryCache;
use crate::platform::entities::{kommune, kreis};

/// The page of the municipality `ags` for `viewer`.
pub async fn page(
    db: &impl ConnectionTrait,
    cache: &DirectoryCache,
    viewer: Option<&SessionUser>,
    ags: &str,
) -> Result<KommunePage, DomainError> {
    let ags = Ags::parse(ags).map_err(|_| DomainError::NotFound)?;
    let place = kommune::Entity::find_by_id(ags.as_str().to_owned())
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let district = kreis::Entity::find_by_id(ags.as_str()[..5].to_owned())
        .one(db)
        .await?
        .map(|k| k.name);
    let snapshot = cache.current(db).await?;
    let members = snapshot
        .visible(Viewer::of(viewer))
        .filter(|o| o.summary.ags == place.ags)
        .map(|o| o.summary.clone())
        .collect();
    Ok(KommunePage {
        ags: place.ags.clone(),
        name: place.name.clone(),
        land: Bundesland::from_code(&place.land).unwrap_or(Bundesland::BW),
        district,
        population: place.population,
        lat: place.lat,
        lon: place.lon,
        members,
        examples: crate::board::reading::public_examples_of(db, viewer, &place.ags).await?,
    })
}
