//! Forums for decision-makers: the public catalogue (`/foren/…`) and the organisers' editors
//! (`/foren-verwaltung/…`).

mod application_detail;
mod application_status;
mod applications;
mod apply;
mod cohort_editor;
mod cohort_page;
mod documents;
mod forum_editor;
mod forum_list;
mod forum_page;
mod organise;
mod participants;
mod subscription;

pub use application_detail::ApplicationDetailPage;
pub use application_status::ApplicationStatusPage;
pub use applications::ApplicationsPage;
pub use apply::{ApplicationSentPage, ApplyPage};
pub use cohort_editor::{CohortEditorPage, NewCohortPage};
pub use cohort_page::CohortDetailPage;
pub use forum_editor::ForumEditorPage;
pub use forum_list::ForumsPage;
pub use forum_page::ForumPage;
pub use organise::OrganiseForumsPage;
pub use participants::ParticipantsPageView;
pub use subscription::{
    ConfirmSubscriptionPage, SubscriptionConfirmedPage, SubscriptionRequestedPage, UnsubscribePage,
    UnsubscribedPage,
};

use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::error::AppError;

/// What a page shows when its data is refused or missing.
#[component]
fn Refusal(error: AppError) -> impl IntoView {
    match error {
        AppError::Unauthorized => view! {
            <Title text="Anmeldung erforderlich" />
            <p class="mt-4">"Bitte " <A href="/anmelden">"melden Sie sich an"</A> ", um diese Seite zu sehen."</p>
        }
        .into_any(),
        AppError::NotFound => view! {
            <Title text="Nicht gefunden" />
            <h1 class="text-3xl font-bold">"Nicht gefunden"</h1>
            <p class="mt-3">"Dieses Forum oder diese Staffel gibt es nicht, oder sie ist noch nicht veröffentlicht."</p>
            <p class="mt-4"><A href="/foren">"Zu den Foren"</A></p>
        }
        .into_any(),
        other => view! { <p role="alert" class="mt-4 field-error">{other.to_string()}</p> }.into_any(),
    }
}

/// Navigation back to the organisers' overview.
#[component]
fn OrganiseNav(#[prop(optional)] forum: Option<(String, String)>) -> impl IntoView {
    view! {
        <nav aria-label="Brotkrumen" class="text-sm">
            <ol class="flex flex-wrap gap-2">
                <li><A href="/foren-verwaltung">"Foren verwalten"</A></li>
                {forum.map(|(slug, title)| view! {
                    <li aria-hidden="true">"›"</li>
                    <li><A href=format!("/foren-verwaltung/{slug}")>{title}</A></li>
                })}
            </ol>
        </nav>
    }
}
