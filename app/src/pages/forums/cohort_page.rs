use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::{Admission, ApplicationStatus, CohortPage, CohortStatus, MeetingView};

use super::Refusal;
use crate::api::forums::{CancelRegistration, RegisterForMeeting, get_cohort};
use crate::components::form::{FormAlert, action_error};
use crate::components::forums::StatusBadge;

/// `/foren/{forum}/{cohort}`: one cohort — for whom, when, where, seats, the meetings.
#[component]
pub fn CohortDetailPage() -> impl IntoView {
    let (forum, cohort) = use_params_map().with_untracked(|p| {
        (
            p.get("forum").unwrap_or_default(),
            p.get("cohort").unwrap_or_default(),
        )
    });
    let register = ServerAction::<RegisterForMeeting>::new();
    let cancel = ServerAction::<CancelRegistration>::new();
    let page = resource(
        move || {
            (
                forum.clone(),
                cohort.clone(),
                register.version().get(),
                cancel.version().get(),
            )
        },
        |(f, c, _, _)| get_cohort(f, c),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Staffel wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <CohortDetails page=page register=register cancel=cancel /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CohortDetails(
    page: CohortPage,
    register: ServerAction<RegisterForMeeting>,
    cancel: ServerAction<CancelRegistration>,
) -> impl IntoView {
    let CohortPage {
        forum,
        cohort,
        meetings,
        may_organise,
        mine,
    } = page;
    let first_come = cohort.admission == Admission::FirstCome;
    let base = format!("/foren/{}/{}", forum.slug, cohort.slug);
    let calendar = format!("{base}/kalender.ics");
    let editor = format!("/foren-verwaltung/{}/{}", forum.slug, cohort.slug);
    let heading = format!("{}: {}", forum.title, cohort.name);
    view! {
        <Title text=heading.clone() />
        <p class="text-sm"><A href="/foren">"Foren"</A> " › " <A href=format!("/foren/{}", forum.slug)>{forum.title.clone()}</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-3 flex flex-wrap items-center gap-3">
            <StatusBadge status=cohort.status admission=cohort.admission />
            {(!cohort.published).then(|| view! { <span class="text-sm font-semibold text-slate-700">"Entwurf, nicht öffentlich"</span> })}
        </p>
        {(cohort.status == CohortStatus::Open && !first_come).then(|| view! {
            <p class="mt-4"><A href=format!("{base}/bewerben") attr:class="button-primary inline-block no-underline">"Jetzt bewerben"</A></p>
        })}
        {first_come.then(|| view! { <Registration cohort_id=cohort.id open=cohort.status == CohortStatus::Open mine=mine register=register cancel=cancel /> })}
        {may_organise.then(|| view! {
            <p class="mt-4 flex flex-wrap gap-4">
                <A href=editor.clone() attr:class="button-secondary inline-block no-underline">"Staffel bearbeiten"</A>
                <A href=format!("{editor}/bewerbungen") attr:class="button-secondary inline-block no-underline">"Bewerbungen ansehen"</A>
            </p>
        })}
        <dl class="profile-facts" data-testid="staffel-fakten">
            <dt>{if first_come { "Anmeldung" } else { "Bewerbung" }}</dt>
            <dd>"vom " {cohort.opens_on.to_string()} " bis " {cohort.closes_on.to_string()}</dd>
            <dt>"Plätze"</dt>
            <dd data-testid="plaetze">{cohort.seats_text()}</dd>
            {(!first_come).then(|| view! {
                <dt>"Für Kommunen aus"</dt>
                <dd>{cohort.eligibility.states_text()}</dd>
                <dt>"Für"</dt>
                <dd>{cohort.eligibility.roles_text()}</dd>
                <dt>"Art der Kommune"</dt>
                <dd>{cohort.eligibility.bodies_text()}</dd>
            })}
            {first_come.then(|| view! { <dt>"Für"</dt><dd>"Mitglieder des Netzwerks"</dd> })}
        </dl>
        <h2 class="mt-10 text-2xl font-bold">{if first_come { "Termine" } else { "Arbeitstreffen" }}</h2>
        {if meetings.is_empty() {
            view! { <p class="mt-3 text-slate-700">"Die Termine werden bald bekannt gegeben."</p> }.into_any()
        } else {
            view! {
                {(!first_come).then(|| view! { <p class="mt-2 text-slate-700">"Die Teilnahme an allen Arbeitstreffen ist verbindlich."</p> })}
                <p class="mt-2"><a href=calendar download="" rel="external">"Alle Termine in den Kalender übernehmen (.ics)"</a></p>
                <ol class="mt-4 flex flex-col gap-4" data-testid="termine">
                    {meetings.into_iter().map(|meeting| view! { <MeetingItem base=base.clone() meeting=meeting /> }).collect_view()}
                </ol>
            }.into_any()
        }}
    }
}

#[component]
fn MeetingItem(base: String, meeting: MeetingView) -> impl IntoView {
    let calendar = format!("{base}/termine/{}/kalender.ics", meeting.id);
    let label = format!("Termin „{}“ in den Kalender (.ics)", meeting.title);
    view! {
        <li class="rounded-lg border border-slate-300 p-4">
            <h3 class="text-lg font-bold">{meeting.title.clone()}</h3>
            <p class="text-slate-800">{meeting.when()}</p>
            {(!meeting.place.is_empty()).then(|| view! { <p>"Ort: " {meeting.place.clone()}</p> })}
            {(!meeting.online_url.is_empty()).then(|| view! { <p>"Online-Teilnahme: " <a href=meeting.online_url.clone() rel="noopener noreferrer">{meeting.online_url.clone()}</a></p> })}
            {(!meeting.agenda.is_empty()).then(|| view! { <p class="mt-2 whitespace-pre-line">{meeting.agenda.clone()}</p> })}
            <p class="mt-2 text-sm"><a href=calendar download="" rel="external">{label}</a></p>
        </li>
    }
}

/// Registering for a network meeting: members sign up themselves; the page shows where their
/// registration stands.
#[component]
fn Registration(
    cohort_id: i64,
    open: bool,
    mine: Option<ApplicationStatus>,
    register: ServerAction<RegisterForMeeting>,
    cancel: ServerAction<CancelRegistration>,
) -> impl IntoView {
    let register_error = action_error(register.value());
    let cancel_error = action_error(cancel.value());
    let me = resource(|| (), |()| crate::api::accounts::get_current_user());
    view! {
        <section class="account-section" aria-labelledby="anmeldung">
            <h2 id="anmeldung">"Anmeldung"</h2>
            <FormAlert error=register_error />
            <FormAlert error=cancel_error />
            {match mine.filter(|status| status.is_open()) {
                Some(status) => view! {
                    <p class="mt-2" data-testid="meine-anmeldung" data-status=status.code()>
                        {match status {
                            ApplicationStatus::Accepted => "Sie sind angemeldet.",
                            ApplicationStatus::Waitlisted => "Sie stehen auf der Warteliste.",
                            ApplicationStatus::Offered => "Ein Platz ist für Sie reserviert – bitte sagen Sie über den Link in unserer E-Mail zu.",
                            _ => "Ihre Anmeldung ist eingegangen.",
                        }}
                    </p>
                    <ActionForm action=cancel attr:class="mt-3">
                        <input type="hidden" name="cohort_id" value=cohort_id.to_string() />
                        <button type="submit" class="button-secondary">"Anmeldung zurückziehen"</button>
                    </ActionForm>
                }.into_any(),
                None if !open => view! { <p class="mt-2">"Die Anmeldung ist nicht geöffnet."</p> }.into_any(),
                None => view! {
                    <Suspense fallback=|| ()>
                        {move || me.get().map(|me| match me.ok().flatten() {
                            Some(_) => view! {
                                <p class="mt-2">"Mitglieder melden sich direkt an: Solange Plätze frei sind, ist Ihr Platz sicher; danach kommen Sie auf die Warteliste."</p>
                                <ActionForm action=register attr:class="mt-3">
                                    <input type="hidden" name="cohort_id" value=cohort_id.to_string() />
                                    <button type="submit" class="button-primary">"Jetzt anmelden"</button>
                                </ActionForm>
                            }.into_any(),
                            None => view! {
                                <p class="mt-2">"Die Anmeldung steht Mitgliedern des Netzwerks offen. Bitte " <A href="/anmelden">"melden Sie sich an"</A> "."</p>
                            }.into_any(),
                        })}
                    </Suspense>
                }.into_any(),
            }}
        </section>
    }
}
