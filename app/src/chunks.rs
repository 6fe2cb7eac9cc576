//! The pages a visitor of the start page and the map does not need, each domain in its own
//! WebAssembly chunk (`cargo leptos build --split`): the browser loads a domain's chunk when
//! one of its pages is opened or navigated to, before that page hydrates.
//!
//! One `#[lazy]` function per domain renders its pages; every route of the domain is a
//! [`LazyRoute`] whose `preload` fetches the chunk while the router loads the route (so the
//! page's view is ready when hydration reaches it) and whose `view` calls into the chunk. On
//! the server a lazy function is an ordinary one (it also names its chunk for a preload link).

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages::accounts::{
    ConfirmJoinPage, ForgotPasswordPage, JoinConfirmedPage, JoinPage, JoinSubmittedPage,
    MyAccountPage, ResetSentPage, SetPasswordPage, SignInPage,
};
use crate::pages::admin::OutboxPage;
use crate::pages::board::{
    BoardIndexPage, EditThreadPage, ModerationPage, NewThreadPage, NotificationUnsubscribePage,
    NotificationsPage, NotificationsUnsubscribedPage, ThreadPageView,
};
use crate::pages::consultations::{
    ConsultationCoordinationPage, ConsultationRequestPage, ConsultationSentPage, ConsultationsPage,
    FacilitatorHomePage, FacilitatorRequestPage,
};
use crate::pages::coordination::{AuditLogPage, JoinRequestsPage, MembersPage};
use crate::pages::forums::{
    ApplicationDetailPage, ApplicationSentPage, ApplicationStatusPage, ApplicationsPage, ApplyPage,
    CohortDetailPage, CohortEditorPage, ConfirmSubscriptionPage, ForumEditorPage, ForumPage,
    ForumsPage, NewCohortPage, OrganiseForumsPage, ParticipantsPageView, SubscriptionConfirmedPage,
    SubscriptionRequestedPage, UnsubscribePage, UnsubscribedPage,
};
use crate::pages::kommunen::{AddKommunePage, KommunePageView};
use crate::pages::legal::{AccessibilityPage, DataSourcesPage, ImprintPage, PrivacyPage};
use crate::pages::member_import::{MemberImportPage, MemberImportReportPage};

/// Whether the page at `path` is one of the main module's routes (`app.rs`: `/`, `/karte`,
/// `/beauftragte/:id`), which hydrate without waiting for a chunk.
#[cfg(any(feature = "hydrate", test))]
pub fn in_main_module(path: &str) -> bool {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    path == "/"
        || path == "/karte"
        || path
            .strip_prefix("/beauftragte/")
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// `chunk!(function, preload, Enum { Route => Page, … })`: the lazy function `function` with the
/// pages of one domain, an enum naming them, and one [`LazyRoute`] type per page.
macro_rules! chunk {
    ($chunk:ident, $preload:ident, $which:ident { $($route:ident => $page:ident),+ $(,)? }) => {
        /// The pages of one chunk.
        #[derive(Clone, Copy, Debug)]
        #[allow(clippy::enum_variant_names, reason = "named like the route types")]
        pub enum $which {
            $($route),+
        }

        #[leptos::lazy]
        fn $chunk(page: $which) -> AnyView {
            match page {
                $($which::$route => view! { <$page /> }.into_any()),+
            }
        }

        $(
            /// A page of its domain's chunk.
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn preload() {
                    #[cfg(feature = "hydrate")]
                    $preload().await;
                }

                async fn view(_this: Self) -> AnyView {
                    $chunk($which::$route).await
                }
            }
        )+
    };
}

chunk!(account_pages, __preload_account_pages, AccountPages {
    SignInRoute => SignInPage,
    ForgotPasswordRoute => ForgotPasswordPage,
    ResetSentRoute => ResetSentPage,
    SetPasswordRoute => SetPasswordPage,
    MyAccountRoute => MyAccountPage,
    JoinRoute => JoinPage,
    JoinSubmittedRoute => JoinSubmittedPage,
    ConfirmJoinRoute => ConfirmJoinPage,
    JoinConfirmedRoute => JoinConfirmedPage,
});

chunk!(coordination_pages, __preload_coordination_pages, CoordinationPages {
    JoinRequestsRoute => JoinRequestsPage,
    MembersRoute => MembersPage,
    MemberImportRoute => MemberImportPage,
    MemberImportReportRoute => MemberImportReportPage,
    AuditLogRoute => AuditLogPage,
    AddKommuneRoute => AddKommunePage,
    OutboxRoute => OutboxPage,
});

chunk!(forum_pages, __preload_forum_pages, ForumPages {
    ForumsRoute => ForumsPage,
    ForumRoute => ForumPage,
    CohortDetailRoute => CohortDetailPage,
    ApplyRoute => ApplyPage,
    ApplicationSentRoute => ApplicationSentPage,
    ApplicationStatusRoute => ApplicationStatusPage,
    SubscriptionRequestedRoute => SubscriptionRequestedPage,
    ConfirmSubscriptionRoute => ConfirmSubscriptionPage,
    SubscriptionConfirmedRoute => SubscriptionConfirmedPage,
    UnsubscribeRoute => UnsubscribePage,
    UnsubscribedRoute => UnsubscribedPage,
});

chunk!(forum_organiser_pages, __preload_forum_organiser_pages, ForumOrganiserPages {
    OrganiseForumsRoute => OrganiseForumsPage,
    ForumEditorRoute => ForumEditorPage,
    NewCohortRoute => NewCohortPage,
    CohortEditorRoute => CohortEditorPage,
    ApplicationsRoute => ApplicationsPage,
    ApplicationDetailRoute => ApplicationDetailPage,
    ParticipantsRoute => ParticipantsPageView,
});

chunk!(board_pages, __preload_board_pages, BoardPages {
    BoardIndexRoute => BoardIndexPage,
    NewThreadRoute => NewThreadPage,
    ThreadRoute => ThreadPageView,
    EditThreadRoute => EditThreadPage,
    NotificationsRoute => NotificationsPage,
    NotificationUnsubscribeRoute => NotificationUnsubscribePage,
    NotificationsUnsubscribedRoute => NotificationsUnsubscribedPage,
    ModerationRoute => ModerationPage,
});

chunk!(consultation_pages, __preload_consultation_pages, ConsultationPages {
    ConsultationsRoute => ConsultationsPage,
    ConsultationCoordinationRoute => ConsultationCoordinationPage,
    ConsultationRequestRoute => ConsultationRequestPage,
    ConsultationSentRoute => ConsultationSentPage,
    FacilitatorHomeRoute => FacilitatorHomePage,
    FacilitatorRequestRoute => FacilitatorRequestPage,
});

chunk!(kommune_pages, __preload_kommune_pages, KommunePages {
    KommuneRoute => KommunePageView,
});

chunk!(legal_pages, __preload_legal_pages, LegalPages {
    ImprintRoute => ImprintPage,
    PrivacyRoute => PrivacyPage,
    AccessibilityRoute => AccessibilityPage,
    DataSourcesRoute => DataSourcesPage,
});

#[cfg(test)]
mod tests {
    use super::in_main_module;

    #[test]
    fn the_main_modules_routes_are_known() {
        for path in ["/", "/karte", "/karte/", "/beauftragte/17"] {
            assert!(in_main_module(path), "{path}");
        }
        for path in [
            "/anmelden",
            "/austausch",
            "/beauftragte/",
            "/beauftragte/1/x",
            "/kartei",
            "",
        ] {
            assert!(!in_main_module(path), "{path}");
        }
    }
}
