use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::{MeetingView, ParticipantsPage};

use super::{OrganiseNav, Refusal};
use crate::api::forums::{RecordAttendance, get_participants};
use crate::components::form::{FormAlert, action_error};

/// `/foren-verwaltung/{forum}/{cohort}/teilnahme`: the participants, their attendance per
/// working meeting (one form per meeting), and the CSV downloads.
#[component]
pub fn ParticipantsPageView() -> impl IntoView {
    let params = use_params_map();
    let record = ServerAction::<RecordAttendance>::new();
    let page = resource(
        move || {
            (
                params.with(|p| p.get("forum").unwrap_or_default()),
                params.with(|p| p.get("cohort").unwrap_or_default()),
                record.version().get(),
            )
        },
        |(forum, cohort, _)| get_participants(forum, cohort),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Participants page=page record=record /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Participants(page: ParticipantsPage, record: ServerAction<RecordAttendance>) -> impl IntoView {
    let error = action_error(record.value());
    let heading = format!("Teilnehmende: {}", page.cohort.name);
    let base = format!("/foren-verwaltung/{}/{}", page.forum.slug, page.cohort.slug);
    let totals: Vec<(String, String, String)> = page
        .participants
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                format!("{} ({})", p.body_name, p.land.name()),
                page.attendance_text(p.application_id),
            )
        })
        .collect();
    let meetings = page.meetings.clone();
    let empty = page.participants.is_empty();
    view! {
        <Title text=heading.clone() />
        <OrganiseNav forum=(page.forum.slug.clone(), page.forum.title.clone()) />
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-2 flex flex-wrap gap-4">
            <A href=format!("{base}/bewerbungen")>"Bewerbungen"</A>
            <a href=format!("{base}/teilnehmende.csv") download="" rel="external">"Teilnehmendenliste (CSV)"</a>
            <a href=format!("{base}/bewerbungen.csv") download="" rel="external">"Alle Bewerbungen (CSV)"</a>
        </p>
        <p class="mt-3 text-slate-700">"Die CSV-Dateien öffnet Excel direkt (UTF-8, Semikolon)."</p>
        {if empty {
            view! { <p class="mt-6" data-testid="keine-teilnehmenden">"Noch niemand ist angenommen."</p> }.into_any()
        } else {
            view! {
                <table class="data-table mt-6" data-testid="teilnehmende">
                    <caption class="sr-only">"Teilnehmende und ihre Anwesenheit"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Kommune"</th><th scope="col">"Anwesenheit"</th></tr></thead>
                    <tbody>
                        {totals.into_iter().map(|(name, body, attended)| view! {
                            <tr><td>{name}</td><td>{body}</td><td>{attended}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <FormAlert error=error />
                {meetings.into_iter().map(|meeting| view! { <MeetingAttendance meeting=meeting page=page.clone() record=record /> }).collect_view()}
            }.into_any()
        }}
    }
}

#[component]
fn MeetingAttendance(
    meeting: MeetingView,
    page: ParticipantsPage,
    record: ServerAction<RecordAttendance>,
) -> impl IntoView {
    let heading_id = format!("treffen-{}", meeting.id);
    let recorded = page.recorded.contains(&meeting.id);
    view! {
        <section class="account-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("{} – {}", meeting.title, meeting.when())}</h2>
            <p class="mt-1 text-slate-700">{if recorded { "Anwesenheit erfasst." } else { "Noch nicht erfasst." }}</p>
            <ActionForm action=record attr:class="mt-3 flex flex-col gap-2">
                <input type="hidden" name="meeting_id" value=meeting.id.to_string() />
                <input type="hidden" name="present[]" value="" />
                <fieldset>
                    <legend class="font-semibold">"Anwesend"</legend>
                    {page.participants.iter().map(|p| {
                        let id = format!("anwesend-{}-{}", meeting.id, p.application_id);
                        let checked = page.attended(meeting.id, p.application_id);
                        view! {
                            <div class="flex items-center gap-2">
                                <input id=id.clone() type="checkbox" name="present[]" value=p.application_id.to_string() checked=checked class="h-5 w-5" />
                                <label for=id>{p.name.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div><button type="submit" class="button-secondary">{format!("Anwesenheit speichern: {}", meeting.title)}</button></div>
            </ActionForm>
        </section>
    }
}
