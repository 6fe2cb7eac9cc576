use leptos::prelude::*;
use shared::forums::{CohortPage, ForumListing, ForumWithCohorts};

use crate::error::AppError;

/// Today's date in Germany, which decides every cohort's status.
#[cfg(feature = "ssr")]
pub(crate) fn today() -> chrono::NaiveDate {
    domain::platform::display::berlin_date(chrono::Utc::now())
}

/// Public (what is shown depends on the viewer): every forum with its cohorts.
#[server(endpoint = "forums")]
pub async fn list_forums() -> Result<ForumListing, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::forums::catalogue::listing(&state.db, user.as_ref(), today()).await?,
        )
    })
    .await
}

/// Public: one forum with its cohorts.
#[server(endpoint = "forums/forum")]
pub async fn get_forum(slug: String) -> Result<ForumWithCohorts, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::forums::catalogue::forum_page(&state.db, user.as_ref(), &slug, today()).await?,
        )
    })
    .await
}

/// Public: one cohort with its meetings.
#[server(endpoint = "forums/cohort")]
pub async fn get_cohort(forum: String, cohort: String) -> Result<CohortPage, AppError> {
    crate::server::serve::public(|state| async move {
        let user = crate::server::auth::current_user().await?;
        Ok::<_, AppError>(
            domain::forums::catalogue::cohort_page(
                &state.db,
                user.as_ref(),
                &forum,
                &cohort,
                today(),
            )
            .await?,
        )
    })
    .await
}
