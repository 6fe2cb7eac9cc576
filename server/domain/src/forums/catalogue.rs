//! What visitors and members see of the forums: the list, a forum, a cohort. Unpublished
//! forums and cohorts exist only for their organisers and the coordination group; to everyone
//! else they are not found.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::SessionUser;
use shared::forums::{CohortPage, ForumListing, ForumWithCohorts, MeetingView, may_create_forum};

use super::{access, cohort_view, forum_view, meeting_view};
use crate::DomainError;
use crate::platform::entities::{forum, forum_cohort, forum_meeting};

/// Cohorts of `forum_ids` with their meetings in date order, newest application window first.
pub(crate) async fn cohorts_with_meetings(
    db: &impl ConnectionTrait,
    forum_ids: &[i64],
) -> Result<Vec<(forum_cohort::Model, Vec<forum_meeting::Model>)>, DomainError> {
    if forum_ids.is_empty() {
        return Ok(Vec::new());
    }
    let cohorts = forum_cohort::Entity::find()
        .filter(forum_cohort::Column::ForumId.is_in(forum_ids.iter().copied()))
        .order_by_desc(forum_cohort::Column::OpensOn)
        .order_by_asc(forum_cohort::Column::Id)
        .all(db)
        .await?;
    let mut meetings: HashMap<i64, Vec<forum_meeting::Model>> = HashMap::new();
    if !cohorts.is_empty() {
        for meeting in forum_meeting::Entity::find()
            .filter(forum_meeting::Column::CohortId.is_in(cohorts.iter().map(|c| c.id)))
            .order_by_asc(forum_meeting::Column::Date)
            .order_by_asc(forum_meeting::Column::StartsAt)
            .order_by_asc(forum_meeting::Column::Id)
            .all(db)
            .await?
        {
            meetings.entry(meeting.cohort_id).or_default().push(meeting);
        }
    }
    Ok(cohorts
        .into_iter()
        .map(|cohort| {
            let own = meetings.remove(&cohort.id).unwrap_or_default();
            (cohort, own)
        })
        .collect())
}

/// The forums `viewer` may see, each with the cohorts they may see.
pub async fn listing(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    today: NaiveDate,
) -> Result<ForumListing, DomainError> {
    let organised = match viewer {
        Some(user) if !user.is_coordinator() => {
            access::organised_forum_ids(db, user.account_id).await?
        }
        _ => Vec::new(),
    };
    let everything = viewer.is_some_and(SessionUser::is_coordinator);
    let forums: Vec<forum::Model> = forum::Entity::find()
        .order_by_asc(forum::Column::Title)
        .all(db)
        .await?
        .into_iter()
        .filter(|f| f.published || everything || organised.contains(&f.id))
        .collect();
    let ids: Vec<i64> = forums.iter().map(|f| f.id).collect();
    let mut cohorts: HashMap<i64, Vec<_>> = HashMap::new();
    for (cohort, meetings) in cohorts_with_meetings(db, &ids).await? {
        cohorts
            .entry(cohort.forum_id)
            .or_default()
            .push((cohort, meetings));
    }
    let forums = forums
        .into_iter()
        .map(|forum| {
            let may_organise = everything || organised.contains(&forum.id);
            let cohorts = cohorts
                .remove(&forum.id)
                .unwrap_or_default()
                .into_iter()
                .filter(|(cohort, _)| cohort.published || may_organise)
                .map(|(cohort, meetings)| {
                    let meetings: Vec<&forum_meeting::Model> = meetings.iter().collect();
                    cohort_view(&cohort, &meetings, today)
                })
                .collect();
            ForumWithCohorts {
                forum: forum_view(&forum),
                cohorts,
                // The listing shows no documents; the forum's page does.
                documents: Vec::new(),
                may_organise,
            }
        })
        .collect();
    Ok(ForumListing {
        forums,
        may_create: viewer.is_some_and(may_create_forum),
    })
}

/// The forum at `slug`, if `viewer` may see it, and whether they may organise it.
pub(crate) async fn visible_forum(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    slug: &str,
) -> Result<(forum::Model, bool), DomainError> {
    let forum = forum::Entity::find()
        .filter(forum::Column::Slug.eq(slug.trim().to_lowercase()))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let may_organise = access::may_organise(db, viewer, forum.id).await?;
    if forum.published || may_organise {
        Ok((forum, may_organise))
    } else {
        Err(DomainError::NotFound)
    }
}

/// A forum's page.
pub async fn forum_page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    slug: &str,
    today: NaiveDate,
) -> Result<ForumWithCohorts, DomainError> {
    let (forum, may_organise) = visible_forum(db, viewer, slug).await?;
    let cohorts = cohorts_with_meetings(db, &[forum.id])
        .await?
        .into_iter()
        .filter(|(cohort, _)| cohort.published || may_organise)
        .map(|(cohort, meetings)| {
            let meetings: Vec<&forum_meeting::Model> = meetings.iter().collect();
            cohort_view(&cohort, &meetings, today)
        })
        .collect();
    Ok(ForumWithCohorts {
        documents: super::documents::list(db, forum.id, &forum.slug).await?,
        forum: forum_view(&forum),
        cohorts,
        may_organise,
    })
}

/// The cohort `cohort_slug` of the forum `forum_slug` with its meetings (models, for the
/// calendar files).
pub(crate) async fn visible_cohort(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    forum_slug: &str,
    cohort_slug: &str,
) -> Result<
    (
        forum::Model,
        forum_cohort::Model,
        Vec<forum_meeting::Model>,
        bool,
    ),
    DomainError,
> {
    let (forum, may_organise) = visible_forum(db, viewer, forum_slug).await?;
    let (cohort, meetings) = cohorts_with_meetings(db, &[forum.id])
        .await?
        .into_iter()
        .find(|(cohort, _)| cohort.slug == cohort_slug.trim().to_lowercase())
        .filter(|(cohort, _)| cohort.published || may_organise)
        .ok_or(DomainError::NotFound)?;
    Ok((forum, cohort, meetings, may_organise))
}

/// A cohort's page.
pub async fn cohort_page(
    db: &impl ConnectionTrait,
    viewer: Option<&SessionUser>,
    forum_slug: &str,
    cohort_slug: &str,
    today: NaiveDate,
) -> Result<CohortPage, DomainError> {
    let (forum, cohort, meetings, may_organise) =
        visible_cohort(db, viewer, forum_slug, cohort_slug).await?;
    let refs: Vec<&forum_meeting::Model> = meetings.iter().collect();
    Ok(CohortPage {
        forum: forum_view(&forum),
        cohort: cohort_view(&cohort, &refs, today),
        meetings: meetings
            .iter()
            .map(meeting_view)
            .collect::<Vec<MeetingView>>(),
        may_organise,
        mine: match viewer {
            Some(user) => super::registrations::mine(db, user, cohort.id).await?,
            None => None,
        },
    })
}

/// The id of the forum at `slug` (published or not), for operators' commands.
pub async fn forum_id_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<i64, DomainError> {
    Ok(forum::Entity::find()
        .filter(forum::Column::Slug.eq(slug.trim().to_lowercase()))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?
        .id)
}
