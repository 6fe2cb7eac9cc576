use leptos::prelude::*;
use shared::consultations::{ConsultationDetail, ConsultationStatus};

use crate::api::consultations::{AssignConsultation, SetConsultationStatus};
use crate::components::form::{FormAlert, TextArea, action_error, field_message, initial_value};

/// One request in full: contact, situation, notes; for coordinators the ranked facilitators
/// and the assignment, for both the status form.
#[component]
pub fn ConsultationDetails(
    detail: ConsultationDetail,
    assign: ServerAction<AssignConsultation>,
    status: ServerAction<SetConsultationStatus>,
) -> impl IntoView {
    let assign_error = action_error(assign.value());
    let status_error = action_error(status.value());
    let row = detail.row.clone();
    let id = row.id.to_string();
    let topic_count = row.topics.len();
    let topics = shared::Topic::labels(&row.topics);
    view! {
        <dl class="profile-facts" data-testid="anfrage">
            <dt>"Stand"</dt>
            <dd data-testid="anfrage-status" data-status=row.status.code()><strong>{row.status.label()}</strong></dd>
            <dt>"Prozessbegleitung"</dt>
            <dd data-testid="anfrage-begleitung">{row.facilitator.clone().unwrap_or_else(|| "noch niemand".to_owned())}</dd>
            <dt>"Kommune"</dt>
            <dd>{format!("{} – {}, {}", row.body_name, detail.body_kind.label(), row.land.name())}</dd>
            <dt>"Themen"</dt>
            <dd>{topics}</dd>
            <dt>"Kontakt"</dt>
            <dd>
                {format!("{}, {}", detail.name, detail.position)}<br />
                <a href=format!("mailto:{}", detail.email)>{detail.email.clone()}</a>
                {(!detail.phone.is_empty()).then(|| view! { <span>{format!(" · {}", detail.phone)}</span> })}
            </dd>
            <dt>"Format"</dt>
            <dd>{detail.format.label()}</dd>
            {(!detail.preferred_dates.is_empty()).then(|| view! { <dt>"Termine"</dt><dd>{detail.preferred_dates.clone()}</dd> })}
            <dt>"Eingegangen"</dt>
            <dd>{row.received_at.clone()}</dd>
        </dl>
        <section class="account-section" aria-labelledby="lage">
            <h2 id="lage">"Die Lage in der Kommune"</h2>
            <p class="mt-2 max-w-3xl whitespace-pre-line">{detail.situation.clone()}</p>
        </section>
        {detail.may_assign.then(|| {
            let matches = detail.matches.clone();
            let id = id.clone();
            view! {
                <section class="account-section" aria-labelledby="vermitteln">
                    <h2 id="vermitteln">"Prozessbegleitung vermitteln"</h2>
                    <p class="mt-2 max-w-3xl text-slate-700">"Vorgeschlagen nach Bundesland, freien Plätzen, gemeinsamen Themen und Entfernung. Die Kommune und die Prozessbegleitung erhalten eine E-Mail."</p>
                    <FormAlert error=assign_error />
                    {if matches.is_empty() {
                        view! { <p class="mt-3">"Noch keine Prozessbegleiter*innen verfügbar."</p> }.into_any()
                    } else {
                        view! {
                            <ActionForm action=assign attr:class="mt-4 flex flex-col gap-3">
                                <input type="hidden" name="id" value=id />
                                <fieldset data-testid="vorschlaege">
                                    <legend class="font-semibold">"Vorschläge"</legend>
                                    {matches.into_iter().enumerate().map(|(rank, m)| {
                                        let input = format!("begleitung-{}", m.account_id);
                                        let summary = m.summary(topic_count);
                                        view! {
                                            <div class="flex items-start gap-2 py-1">
                                                <input id=input.clone() type="radio" name="facilitator_id" value=m.account_id.to_string() checked=rank == 0 class="mt-1 h-5 w-5" />
                                                <label for=input><strong>{m.name.clone()}</strong>" – " {summary}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <div><button type="submit" class="button-primary">"Zuweisen und benachrichtigen"</button></div>
                            </ActionForm>
                        }.into_any()
                    }}
                </section>
            }
        })}
        <section class="account-section" aria-labelledby="stand">
            <h2 id="stand">"Stand und Notizen"</h2>
            {if detail.notes.is_empty() {
                view! { <p class="mt-2">"Noch keine Notizen."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 flex flex-col gap-3" data-testid="notizen">
                        {detail.notes.iter().map(|n| view! {
                            <li class="rounded-lg border border-slate-300 p-3">
                                <p class="text-sm text-slate-700">{format!("{}, {}", n.author, n.written_at)}</p>
                                <p class="whitespace-pre-line">{n.body.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || {
                status.version().get();
                view! {
                    <ActionForm action=status attr:class="mt-4 flex max-w-2xl flex-col gap-3" attr:novalidate=true>
                        <FormAlert error=status_error />
                        <input type="hidden" name="id" value=row.id.to_string() />
                        <div class="form-field">
                            <label for="status" class="font-semibold">"Neuer Stand"</label>
                            <select id="status" name="status" class="form-input">
                                {ConsultationStatus::ALL.iter().map(|s| {
                                    let current = *s == row.status;
                                    view! { <option value=s.code() selected=current>{s.label()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <TextArea name="note" label="Notiz (optional)" value=initial_value(status_error, "note", "") rows=3 error=field_message(status_error, "note") />
                        <div><button type="submit" class="button-secondary">"Stand speichern"</button></div>
                    </ActionForm>
                }
            }}
        </section>
    }
}
