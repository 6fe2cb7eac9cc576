use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::forums::{ApplicationStatus, ApplicationStatusView};

use crate::api::forums::{AnswerSeatOffer, WithdrawApplication, get_application_status};
use crate::components::form::{FormAlert, action_error};
use crate::error::AppError;

/// `/bewerbung?token=…`: the applicant's private page — where the application stands, the
/// meetings, withdrawing, answering an offered seat. Changes happen on a button press (a
/// POST), so mail scanners that open the link change nothing.
#[component]
pub fn ApplicationStatusPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let withdraw = ServerAction::<WithdrawApplication>::new();
    let answer = ServerAction::<AnswerSeatOffer>::new();
    let lookup = token.clone();
    let status = resource(
        move || (withdraw.version().get(), answer.version().get()),
        move |_| get_application_status(lookup.clone()),
    );
    view! {
        <Title text="Ihre Bewerbung" />
        <h1 class="text-3xl font-bold tracking-tight">"Ihre Bewerbung"</h1>
        <Suspense fallback=|| view! { <p class="mt-4">"Wird geladen …"</p> }>
            {move || status.get().map(|result| match result {
                Ok(view) => view! { <StatusDetails view=view token=token.clone() withdraw=withdraw answer=answer /> }.into_any(),
                Err(AppError::NotFound) => view! {
                    <p class="mt-4 max-w-2xl" role="alert">"Dieser Link ist ungültig. Bitte verwenden Sie den Link aus unserer neuesten E-Mail. Bewerbungen werden nach Ende der Staffel gelöscht."</p>
                }.into_any(),
                Err(error) => view! { <p class="mt-4 field-error" role="alert">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn StatusDetails(
    view: ApplicationStatusView,
    token: String,
    withdraw: ServerAction<WithdrawApplication>,
    answer: ServerAction<AnswerSeatOffer>,
) -> impl IntoView {
    let withdraw_error = action_error(withdraw.value());
    let answer_error = action_error(answer.value());
    let cohort_page = format!("/foren/{}/{}", view.forum_slug, view.cohort_slug);
    let calendar = format!("{cohort_page}/kalender.ics");
    let explanation = view.explanation();
    let offered = view.status == ApplicationStatus::Offered;
    let open = view.status.is_open();
    let has_meetings = !view.meetings.is_empty();
    let accept_token = token.clone();
    let decline_token = token.clone();
    view! {
        <dl class="profile-facts" data-testid="bewerbung">
            <dt>"Staffel"</dt>
            <dd><A href=cohort_page>{format!("{} – {}", view.forum_title, view.cohort_name)}</A></dd>
            <dt>"Name"</dt>
            <dd>{view.name.clone()}</dd>
            <dt>"Kommune"</dt>
            <dd>{view.body_name.clone()}</dd>
            <dt>"Eingegangen"</dt>
            <dd>{view.submitted_at.clone()}</dd>
            <dt>"Stand"</dt>
            <dd data-testid="bewerbung-status" data-status=view.status.code()><strong>{view.status.label()}</strong></dd>
        </dl>
        <p class="mt-4 max-w-2xl" role="status">{explanation}</p>
        {offered.then(move || view! {
            <section class="account-section" aria-labelledby="angebot">
                <h2 id="angebot">"Platzangebot"</h2>
                <FormAlert error=answer_error />
                <div class="mt-4 flex flex-wrap gap-4">
                    <ActionForm action=answer>
                        <input type="hidden" name="token" value=accept_token />
                        <input type="hidden" name="answer" value="annehmen" />
                        <button type="submit" class="button-primary">"Platz annehmen"</button>
                    </ActionForm>
                    <ActionForm action=answer>
                        <input type="hidden" name="token" value=decline_token />
                        <input type="hidden" name="answer" value="ablehnen" />
                        <button type="submit" class="button-secondary">"Platz ablehnen"</button>
                    </ActionForm>
                </div>
            </section>
        })}
        {has_meetings.then(|| view! {
            <section class="account-section" aria-labelledby="termine">
                <h2 id="termine">"Arbeitstreffen"</h2>
                <ul class="mt-3 flex flex-col gap-2">
                    {view.meetings.iter().map(|m| view! { <li><strong>{m.title.clone()}</strong>": " {m.when()}</li> }).collect_view()}
                </ul>
                <p class="mt-3"><a href=calendar download="" rel="external">"Alle Termine in den Kalender übernehmen (.ics)"</a></p>
            </section>
        })}
        {open.then(move || view! {
            <section class="account-section" aria-labelledby="zurueckziehen">
                <h2 id="zurueckziehen">"Bewerbung zurückziehen"</h2>
                <p class="mt-2 max-w-2xl">"Wenn Sie nicht teilnehmen können, ziehen Sie Ihre Bewerbung bitte zurück – ein Platz geht dann an die nächste Person auf der Warteliste."</p>
                <FormAlert error=withdraw_error />
                <ActionForm action=withdraw attr:class="mt-4">
                    <input type="hidden" name="token" value=token />
                    <button type="submit" class="button-secondary">"Bewerbung zurückziehen"</button>
                </ActionForm>
            </section>
        })}
    }
}
