//! Reading and writing installation-wide settings.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use crate::platform::entities::app_setting;

/// Set when the demo seed has run; the UI then shows a "demo installation" notice.
pub const DEMO_DATA_KEY: &str = "demo_data";

/// Reads a setting.
pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<String>, DbErr> {
    Ok(app_setting::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|setting| setting.value))
}

/// Creates or replaces a setting.
pub async fn put(db: &impl ConnectionTrait, key: &str, value: &str) -> Result<(), DbErr> {
    let model = app_setting::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
        updated_at: Set(Utc::now()),
    };
    app_setting::Entity::insert(model)
        .on_conflict(
            OnConflict::column(app_setting::Column::Key)
                .update_columns([app_setting::Column::Value, app_setting::Column::UpdatedAt])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// Whether this installation holds seeded demo data.
pub async fn has_demo_data(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    Ok(get(db, DEMO_DATA_KEY)
        .await?
        .is_some_and(|value| value == "true"))
}
