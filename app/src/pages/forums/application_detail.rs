use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::{ApplicationDetail, Decision, SizeClass};

use super::{OrganiseNav, Refusal};
use crate::api::forums::{AddApplicationNote, DecideApplication, get_application};
use crate::components::form::{FormAlert, TextArea, action_error, field_message, textarea_text};
use crate::components::forums::initial_value;
use crate::error::AppError;

/// `/foren-verwaltung/{forum}/{cohort}/bewerbungen/{id}`: one application in full, internal
/// notes, and the decisions with the e-mail the organiser adjusts before sending.
#[component]
pub fn ApplicationDetailPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideApplication>::new();
    let note = ServerAction::<AddApplicationNote>::new();
    let detail = resource(
        move || {
            (
                params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())),
                decide.version().get(),
                note.version().get(),
            )
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => get_application(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || detail.get().map(|result| match result {
                Ok(detail) => view! { <Details detail=detail decide=decide note=note /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Details(
    detail: ApplicationDetail,
    decide: ServerAction<DecideApplication>,
    note: ServerAction<AddApplicationNote>,
) -> impl IntoView {
    let decide_error = action_error(decide.value());
    let note_error = action_error(note.value());
    let row = detail.row.clone();
    let list = format!(
        "/foren-verwaltung/{}/{}/bewerbungen",
        detail.forum.slug, detail.cohort.slug
    );
    let heading = format!("Bewerbung von {}", row.name);
    let status = match row.waitlist_position {
        Some(place) => format!("{} (Platz {place})", row.status.label()),
        None => row.status.label().to_owned(),
    };
    let size = SizeClass::of(row.body_kind, row.population);
    let id = row.id.to_string();
    view! {
        <Title text=heading.clone() />
        <OrganiseNav forum=(detail.forum.slug.clone(), detail.forum.title.clone()) />
        <p class="mt-2 text-sm"><A href=list>{format!("Alle Bewerbungen: {}", detail.cohort.name)}</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{heading}</h1>
        <p class="mt-2 text-lg font-semibold" data-testid="plaetze">{detail.cohort.seats_text()}</p>
        <dl class="profile-facts" data-testid="bewerbung">
            <dt>"Stand"</dt>
            <dd data-testid="bewerbung-status" data-status=row.status.code()><strong>{status}</strong></dd>
            <dt>"E-Mail"</dt>
            <dd>
                <a href=format!("mailto:{}", detail.email)>{detail.email.clone()}</a>
                {if detail.email_confirmed { " (persönlichen Link geöffnet)" } else { " (persönlichen Link noch nicht geöffnet)" }}
            </dd>
            <dt>"Amt"</dt>
            <dd>{row.role.map_or("Mitglied des Netzwerks", |r| r.label())}</dd>
            {(!detail.department.is_empty()).then(|| view! { <dt>"Fachbereich"</dt><dd>{detail.department.clone()}</dd> })}
            <dt>"Kommune"</dt>
            <dd>{format!("{} – {}, {}", row.body_name, row.body_kind.label(), row.land.name())}</dd>
            <dt>"Größe"</dt>
            <dd>{size.label()}</dd>
            <dt>"Eingegangen"</dt>
            <dd>{row.submitted_at.clone()}</dd>
            {detail.decided_at.clone().map(|at| view! { <dt>"Entschieden"</dt><dd>{at}</dd> })}
            {detail.offer_expires_at.clone().map(|at| view! { <dt>"Angebot gilt bis"</dt><dd>{at}</dd> })}
        </dl>
        <section class="account-section" aria-labelledby="motivation">
            <h2 id="motivation">"Warum teilnehmen?"</h2>
            <p class="mt-2 max-w-3xl whitespace-pre-line">{detail.motivation.clone()}</p>
            <h2 class="mt-6" id="anliegen">"Anliegen für die kollegiale Beratung"</h2>
            <p class="mt-2 max-w-3xl whitespace-pre-line">{detail.challenge.clone()}</p>
        </section>
        <section class="account-section" aria-labelledby="entscheidung">
            <h2 id="entscheidung">"Entscheidung"</h2>
            <FormAlert error=decide_error />
            {if detail.decisions.is_empty() {
                view! { <p class="mt-2">"Für diese Bewerbung ist keine Entscheidung mehr offen."</p> }.into_any()
            } else {
                view! {
                    <p class="mt-2 max-w-3xl text-slate-700">"Die Bewerber*in erhält den Text als E-Mail, mit dem Link zu ihrer Bewerbung. Passen Sie ihn vor dem Absenden an."</p>
                    <div class="mt-4 flex flex-col gap-4">
                        {detail.decisions.iter().map(|(decision, text)| view! {
                            <DecisionForm decision=*decision text=text.clone() id=id.clone() action=decide error=decide_error />
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </section>
        <section class="account-section" aria-labelledby="notizen">
            <h2 id="notizen">"Interne Notizen"</h2>
            <p class="mt-2 text-slate-700">"Nur für das Organisationsteam sichtbar."</p>
            {if detail.notes.is_empty() {
                view! { <p class="mt-3">"Noch keine Notizen."</p> }.into_any()
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
                note.version().get();
                view! {
                    <ActionForm action=note attr:class="mt-4 flex max-w-2xl flex-col gap-3" attr:novalidate=true>
                        <FormAlert error=note_error />
                        <input type="hidden" name="id" value=row.id.to_string() />
                        <TextArea name="body" label="Neue Notiz" value=initial_value(note_error, "body", "") rows=3 error=field_message(note_error, "body") />
                        <div><button type="submit" class="button-secondary">"Notiz speichern"</button></div>
                    </ActionForm>
                }
            }}
        </section>
    }
}

/// One decision: a collapsible form with the e-mail text to adjust.
#[component]
fn DecisionForm(
    decision: Decision,
    text: String,
    id: String,
    action: ServerAction<DecideApplication>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    // After a refused attempt, the form of that decision opens again with the text as sent.
    let kept = error.get_untracked().and_then(|e| match e {
        AppError::Validation(errors) if errors.value("decision") == Some(decision.code()) => {
            errors.value("mail_text").map(str::to_owned)
        }
        _ => None,
    });
    let open = kept.is_some();
    let field = format!("mail-{}", decision.code());
    let message = Signal::derive(move || {
        error.get().and_then(|e| match &e {
            AppError::Validation(errors) if errors.value("decision") == Some(decision.code()) => {
                errors.get("mail_text").map(str::to_owned)
            }
            _ => None,
        })
    });
    let error_id = format!("{field}-fehler");
    let described = error_id.clone();
    view! {
        <details class="rounded-lg border border-slate-300 p-4" open=open>
            <summary class="cursor-pointer font-semibold">{decision.label()}</summary>
            <ActionForm action=action attr:class="mt-3 flex flex-col gap-3" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="decision" value=decision.code() />
                <div class="form-field">
                    <label for=field.clone() class="font-semibold">"E-Mail an die Bewerber*in"</label>
                    <textarea
                        id=field
                        name="mail_text"
                        rows=8
                        class="form-input"
                        aria-invalid=move || message.get().is_some().to_string()
                        aria-describedby=move || message.get().map(|_| described.clone())
                    >{textarea_text(kept.unwrap_or(text))}</textarea>
                    {move || message.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
                </div>
                <div><button type="submit" class="button-primary">{format!("{} und E-Mail senden", decision.label())}</button></div>
            </ActionForm>
        </details>
    }
}
