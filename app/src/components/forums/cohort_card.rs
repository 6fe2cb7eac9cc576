use leptos::prelude::*;
use leptos_router::components::A;
use shared::forums::{Admission, CohortStatus, CohortView};

/// The status of a cohort as a coloured label (text, not colour alone, carries the meaning).
#[component]
pub fn StatusBadge(status: CohortStatus, #[prop(optional)] admission: Admission) -> impl IntoView {
    let colours = match status {
        CohortStatus::Open => "border-green-800 bg-green-50 text-green-900",
        CohortStatus::Announced => "border-blue-900 bg-blue-50 text-blue-900",
        CohortStatus::Running => "border-amber-800 bg-amber-50 text-amber-900",
        CohortStatus::Closed | CohortStatus::Finished => {
            "border-slate-600 bg-slate-50 text-slate-800"
        }
    };
    view! {
        <span class=format!("inline-block rounded-full border px-3 py-0.5 text-sm font-semibold {colours}") data-status=status.code()>
            {status.label_for(admission)}
        </span>
    }
}

/// A cohort in a list: name, status, application window, seats, meetings.
#[component]
pub fn CohortCard(forum_slug: String, cohort: CohortView) -> impl IntoView {
    let href = format!("/foren/{forum_slug}/{}", cohort.slug);
    let meetings = match (cohort.meeting_count, cohort.meeting_span) {
        (0, _) | (_, None) => "Termine folgen".to_owned(),
        (1, Some((first, _))) => format!("1 Arbeitstreffen am {first}"),
        (count, Some((first, last))) => {
            format!("{count} Arbeitstreffen vom {first} bis {last}")
        }
    };
    let name = cohort.name.clone();
    let window = format!(
        "{} vom {} bis {} · {}",
        if cohort.admission == Admission::FirstCome {
            "Anmeldung"
        } else {
            "Bewerbung"
        },
        cohort.opens_on,
        cohort.closes_on,
        cohort.seats_text()
    );
    let draft = !cohort.published;
    view! {
        <li class="rounded-lg border border-slate-300 p-4">
            <div class="flex flex-wrap items-center gap-3">
                <h3 class="text-lg font-bold"><A href=href>{name}</A></h3>
                <StatusBadge status=cohort.status admission=cohort.admission />
                {draft.then(|| view! { <span class="text-sm font-semibold text-slate-700">"(Entwurf, nicht öffentlich)"</span> })}
            </div>
            <p class="mt-2 text-slate-700">{window}</p>
            <p class="text-slate-700">{meetings}</p>
        </li>
    }
}
