//! The pages a visitor of the start page and the map does not need, each domain in its own
//! WebAssembly chunk (`cargo leptos build --split`): the browser loads a domain's chunk when
//! one of its pages is opened or navigated to, before that page hydrates.
//!
//! One `#[lazy]` function per domain renders its pages. Every lazily loaded route has the same
//! view, a [`ChunkPage`] value naming its page, whose `preload` fetches the chunk while the
//! router loads the route (so the page's view is ready when hydration reaches it) and whose
//! `choose` calls into the chunk. One view type for all of them keeps the router's code in the
//! main module once rather than once per route: routes with the same kind of path (say, one
//! fixed segment) are then of the same type too. On the server a lazy function is an ordinary
//! one (it also names its chunk for a preload link).

use leptos::prelude::*;
use leptos_router::ChooseView;

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
use crate::pages::officers::OfficerProfilePage;

/// Whether the page at `path` is one of the main module's routes (`app.rs`: `/` and `/karte`),
/// the pages of the islands bundle, which they load instead of the full app where it was built
/// (`components::layout::BootScripts`).
#[cfg(not(feature = "light"))]
pub fn is_island_page(path: &str) -> bool {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    path == "/" || path == "/karte"
}

/// A page of one of the chunks: the view of every lazily loaded route (see the module's
/// documentation).
#[derive(Clone, Copy, Debug)]
pub enum ChunkPage {
    Account(AccountPages),
    Coordination(CoordinationPages),
    Forum(ForumPages),
    ForumOrganiser(ForumOrganiserPages),
    Board(BoardPages),
    Consultation(ConsultationPages),
    Kommune(KommunePages),
    Legal(LegalPages),
    Officer(OfficerPages),
}

impl ChooseView for ChunkPage {
    async fn choose(self) -> AnyView {
        match self {
            ChunkPage::Account(page) => page.view().await,
            ChunkPage::Coordination(page) => page.view().await,
            ChunkPage::Forum(page) => page.view().await,
            ChunkPage::ForumOrganiser(page) => page.view().await,
            ChunkPage::Board(page) => page.view().await,
            ChunkPage::Consultation(page) => page.view().await,
            ChunkPage::Kommune(page) => page.view().await,
            ChunkPage::Legal(page) => page.view().await,
            ChunkPage::Officer(page) => page.view().await,
        }
    }

    async fn preload(&self) {
        match self {
            ChunkPage::Account(_) => AccountPages::preload().await,
            ChunkPage::Coordination(_) => CoordinationPages::preload().await,
            ChunkPage::Forum(_) => ForumPages::preload().await,
            ChunkPage::ForumOrganiser(_) => ForumOrganiserPages::preload().await,
            ChunkPage::Board(_) => BoardPages::preload().await,
            ChunkPage::Consultation(_) => ConsultationPages::preload().await,
            ChunkPage::Kommune(_) => KommunePages::preload().await,
            ChunkPage::Legal(_) => LegalPages::preload().await,
            ChunkPage::Officer(_) => OfficerPages::preload().await,
        }
    }
}

/// `chunk!(function, preload, Variant: Enum { Route => Page, … })`: the lazy function
/// `function` with the pages of one domain, an enum naming them, and for each page a constant
/// `Route`, the [`ChunkPage`] its route shows.
macro_rules! chunk {
    ($chunk:ident, $preload:ident, $variant:ident: $which:ident { $($route:ident => $page:ident),+ $(,)? }) => {
        /// The pages of one chunk.
        #[derive(Clone, Copy, Debug)]
        #[allow(clippy::enum_variant_names, reason = "named like the route constants")]
        pub enum $which {
            $($route),+
        }

        // Not split in the islands bundle, which has no chunks and never shows these pages.
        #[cfg_attr(not(feature = "light"), leptos::lazy)]
        fn $chunk(page: $which) -> AnyView {
            match page {
                $($which::$route => view! { <$page /> }.into_any()),+
            }
        }

        impl $which {
            /// The page's view, from the chunk.
            async fn view(self) -> AnyView {
                #[cfg(not(feature = "light"))]
                return $chunk(self).await;
                #[cfg(feature = "light")]
                $chunk(self)
            }

            /// Loads the chunk (in the browser; the server has every page).
            async fn preload() {
                #[cfg(all(feature = "hydrate", not(feature = "light")))]
                $preload().await;
            }
        }

        $(
            /// A lazily loaded route's view.
            #[allow(non_upper_case_globals, reason = "read in the route table like a page component")]
            pub const $route: ChunkPage = ChunkPage::$variant($which::$route);
        )+
    };
}

chunk!(account_pages, __preload_account_pages, Account: AccountPages {
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

chunk!(coordination_pages, __preload_coordination_pages, Coordination: CoordinationPages {
    JoinRequestsRoute => JoinRequestsPage,
    MembersRoute => MembersPage,
    MemberImportRoute => MemberImportPage,
    MemberImportReportRoute => MemberImportReportPage,
    AuditLogRoute => AuditLogPage,
    AddKommuneRoute => AddKommunePage,
    OutboxRoute => OutboxPage,
});

chunk!(forum_pages, __preload_forum_pages, Forum: ForumPages {
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

chunk!(forum_organiser_pages, __preload_forum_organiser_pages, ForumOrganiser: ForumOrganiserPages {
    OrganiseForumsRoute => OrganiseForumsPage,
    ForumEditorRoute => ForumEditorPage,
    NewCohortRoute => NewCohortPage,
    CohortEditorRoute => CohortEditorPage,
    ApplicationsRoute => ApplicationsPage,
    ApplicationDetailRoute => ApplicationDetailPage,
    ParticipantsRoute => ParticipantsPageView,
});

chunk!(board_pages, __preload_board_pages, Board: BoardPages {
    BoardIndexRoute => BoardIndexPage,
    NewThreadRoute => NewThreadPage,
    ThreadRoute => ThreadPageView,
    EditThreadRoute => EditThreadPage,
    NotificationsRoute => NotificationsPage,
    NotificationUnsubscribeRoute => NotificationUnsubscribePage,
    NotificationsUnsubscribedRoute => NotificationsUnsubscribedPage,
    ModerationRoute => ModerationPage,
});

chunk!(consultation_pages, __preload_consultation_pages, Consultation: ConsultationPages {
    ConsultationsRoute => ConsultationsPage,
    ConsultationCoordinationRoute => ConsultationCoordinationPage,
    ConsultationRequestRoute => ConsultationRequestPage,
    ConsultationSentRoute => ConsultationSentPage,
    FacilitatorHomeRoute => FacilitatorHomePage,
    FacilitatorRequestRoute => FacilitatorRequestPage,
});

chunk!(kommune_pages, __preload_kommune_pages, Kommune: KommunePages {
    KommuneRoute => KommunePageView,
});

chunk!(legal_pages, __preload_legal_pages, Legal: LegalPages {
    ImprintRoute => ImprintPage,
    PrivacyRoute => PrivacyPage,
    AccessibilityRoute => AccessibilityPage,
    DataSourcesRoute => DataSourcesPage,
});

chunk!(officer_pages, __preload_officer_pages, Officer: OfficerPages {
    OfficerProfileRoute => OfficerProfilePage,
});

#[cfg(test)]
mod tests {
    use super::is_island_page;

    #[test]
    fn the_island_pages_are_known() {
        for path in ["/", "/karte", "/karte/"] {
            assert!(is_island_page(path), "{path}");
        }
        for path in [
            "/anmelden",
            "/austausch",
            "/beauftragte/17",
            "/beauftragte/",
            "/beauftragte/1/x",
            "/kartei",
            "",
        ] {
            assert!(!is_island_page(path), "{path}");
        }
    }
}
