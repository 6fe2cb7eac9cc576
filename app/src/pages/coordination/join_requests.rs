use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::Bundesland;

use crate::api::coordination::{
    ApproveJoinRequest, DeclineJoinRequest, JoinRequestSummary, list_join_requests,
};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::PageHeading;
use crate::error::AppError;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/antraege`: confirmed join requests, filterable by state and age.
#[component]
pub fn JoinRequestsPage() -> impl IntoView {
    let query = use_query_map();
    let land = query.with_untracked(|q| q.get("land").unwrap_or_default());
    let min_age = query.with_untracked(|q| q.get("alter").unwrap_or_default());
    let approve = ServerAction::<ApproveJoinRequest>::new();
    let decline = ServerAction::<DeclineJoinRequest>::new();
    let approve_error = action_error(approve.value());
    let decline_error = action_error(decline.value());
    let requests = resource(
        {
            let land = land.clone();
            let min_age = min_age.clone();
            move || {
                (
                    land.clone(),
                    min_age.clone(),
                    approve.version().get(),
                    decline.version().get(),
                )
            }
        },
        |(land, min_age, _, _)| list_join_requests(land, min_age),
    );
    view! {
        <PageHeading title="Mitgliedsanträge" lead="Bestätigte Anträge, älteste zuerst. Bei Annahme wird ein verborgenes Profil angelegt und ein Link zum Festlegen des Passworts verschickt." />
        <CoordinationNav />
        <form method="get" action="/koordination/antraege" class="mt-6 flex flex-wrap items-end gap-4">
            <div class="form-field">
                <label for="land" class="font-semibold">"Bundesland"</label>
                <select id="land" name="land" class="form-input">
                    <option value="" selected=land.is_empty()>"Alle"</option>
                    {Bundesland::ALL.into_iter().map(|l| {
                        let selected = l.code() == land;
                        view! { <option value=l.code() selected=selected>{l.name()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="form-field">
                <label for="alter" class="font-semibold">"Wartezeit"</label>
                <select id="alter" name="alter" class="form-input">
                    <option value="" selected=min_age.is_empty()>"Alle"</option>
                    <option value="7" selected=min_age == "7">"länger als 7 Tage"</option>
                    <option value="14" selected=min_age == "14">"länger als 14 Tage"</option>
                </select>
            </div>
            <button type="submit" class="button-secondary">"Filtern"</button>
        </form>
        <FormAlert error=approve_error />
        <FormAlert error=decline_error />
        <Suspense fallback=|| view! { <p class="mt-6">"Anträge werden geladen …"</p> }>
            {move || requests.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p class="mt-6" data-testid="keine-antraege">"Keine offenen Anträge."</p> }.into_any(),
                Ok(list) => view! {
                    <ul class="mt-6 flex flex-col gap-4" data-testid="antraege">
                        {list.into_iter().map(|request| view! { <JoinRequestCard request=request approve=approve decline=decline /> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn JoinRequestCard(
    request: JoinRequestSummary,
    approve: ServerAction<ApproveJoinRequest>,
    decline: ServerAction<DeclineJoinRequest>,
) -> impl IntoView {
    let reason_id = format!("grund-{}", request.id);
    let reason_error_id = format!("grund-{}-fehler", request.id);
    let this_id = request.id.to_string();
    // A refused decline names its request; only that card shows the message and the text.
    let decline_error = Signal::derive({
        let this_id = this_id.clone();
        move || {
            decline
                .value()
                .get()
                .and_then(Result::err)
                .and_then(|error| match error {
                    AppError::Validation(errors)
                        if errors.value("id") == Some(this_id.as_str()) =>
                    {
                        Some(errors)
                    }
                    _ => None,
                })
        }
    });
    let kept_reason = decline_error
        .get_untracked()
        .and_then(|e| e.value("reason").map(str::to_owned))
        .unwrap_or_default();
    let heading_id = format!("antrag-{}", request.id);
    let name = request.name.clone();
    let approve_label = format!("Annehmen: {name}");
    let decline_label = format!("Ablehnen: {name}");
    let place = match request.land {
        Some(land) => format!("{}, {}", request.kommune, land.name()),
        None => request.kommune.clone(),
    };
    view! {
        <li class="rounded-lg border border-slate-300 p-4">
            <h2 id=heading_id class="text-lg font-bold">{name}</h2>
            <p class="text-slate-700">{request.position.clone()} " · " {place}</p>
            <p class="text-sm text-slate-700">{request.email.clone()} " · seit " {request.age_days} " Tagen"</p>
            {(!request.department.is_empty()).then(|| view! { <p class="text-sm">"Fachbereich: " {request.department.clone()}</p> })}
            {(!request.message.is_empty()).then(|| view! { <p class="mt-2 whitespace-pre-line">{request.message.clone()}</p> })}
            <div class="mt-4 flex flex-wrap items-start gap-6">
                <ActionForm action=approve>
                    <input type="hidden" name="id" value=request.id.to_string() />
                    <button type="submit" class="button-primary">{approve_label}</button>
                </ActionForm>
                <ActionForm action=decline attr:class="flex flex-col gap-2">
                    <input type="hidden" name="id" value=request.id.to_string() />
                    <label for=reason_id.clone() class="font-semibold">"Begründung für eine Ablehnung"</label>
                    <textarea
                        id=reason_id
                        name="reason"
                        rows="2"
                        class="form-input"
                        aria-invalid=move || decline_error.get().is_some().to_string()
                        aria-describedby={
                            let reason_error_id = reason_error_id.clone();
                            move || decline_error.get().map(|_| reason_error_id.clone())
                        }
                    >
                        {crate::components::form::textarea_text(kept_reason)}
                    </textarea>
                    {move || decline_error.get().and_then(|e| e.get("reason").map(str::to_owned)).map(|message| {
                        view! { <p id=reason_error_id.clone() class="field-error">{message}</p> }
                    })}
                    <div><button type="submit" class="button-secondary">{decline_label}</button></div>
                </ActionForm>
            </div>
        </li>
    }
}
