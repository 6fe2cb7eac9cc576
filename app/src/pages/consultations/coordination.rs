use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::consultations::{ConsultationOverview, ConsultationRow};

use super::detail::ConsultationDetails;
use crate::api::consultations::{
    AddFacilitator, AssignConsultation, RemoveFacilitator, SetConsultationStatus, get_consultation,
    get_consultation_overview,
};
use crate::components::form::{FormAlert, TextField, action_error, field_message, initial_value};
use crate::components::layout::PageHeading;
use crate::components::layout::Refusal;
use crate::error::AppError;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/erstberatung`: every request and the facilitators of the network.
#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let add = ServerAction::<AddFacilitator>::new();
    let remove = ServerAction::<RemoveFacilitator>::new();
    let overview = resource(
        move || (add.version().get(), remove.version().get()),
        |_| get_consultation_overview(),
    );
    view! {
        <PageHeading title="Erstberatung" lead="Anfragen von Kommunen vermitteln und begleiten." />
        <CoordinationNav />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || overview.get().map(|result| match result {
                Ok(overview) => view! { <Overview overview=overview add=add remove=remove /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

/// The requests as a table, linking to `base/{id}`.
#[component]
pub fn RequestTable(requests: Vec<ConsultationRow>, base: &'static str) -> impl IntoView {
    if requests.is_empty() {
        return view! { <p class="mt-3" data-testid="keine-anfragen">"Keine Anfragen."</p> }
            .into_any();
    }
    view! {
        <table class="data-table mt-3" data-testid="anfragen">
            <caption class="sr-only">"Anfragen zur Erstberatung"</caption>
            <thead><tr><th scope="col">"Kommune"</th><th scope="col">"Themen"</th><th scope="col">"Stand"</th><th scope="col">"Prozessbegleitung"</th><th scope="col">"Eingegangen"</th></tr></thead>
            <tbody>
                {requests.into_iter().map(|r| view! {
                    <tr data-status=r.status.code()>
                        <td><A href=format!("{base}/{}", r.id)>{format!("{} ({})", r.body_name, r.land.name())}</A></td>
                        <td>{shared::Topic::labels(&r.topics)}</td>
                        <td>{r.status.label()}</td>
                        <td>{r.facilitator.clone().unwrap_or_else(|| "–".to_owned())}</td>
                        <td>{r.received_at.clone()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Overview(
    overview: ConsultationOverview,
    add: ServerAction<AddFacilitator>,
    remove: ServerAction<RemoveFacilitator>,
) -> impl IntoView {
    let add_error = action_error(add.value());
    let remove_error = action_error(remove.value());
    view! {
        <h2 class="mt-8 text-2xl font-bold">"Anfragen"</h2>
        <RequestTable requests=overview.requests base="/koordination/erstberatung" />
        <section class="account-section" aria-labelledby="begleitung">
            <h2 id="begleitung">"Prozessbegleiter*innen"</h2>
            <FormAlert error=remove_error />
            {if overview.facilitators.is_empty() {
                view! { <p class="mt-3">"Noch niemand benannt."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 flex flex-col gap-2" data-testid="prozessbegleitung">
                        {overview.facilitators.into_iter().map(|f| {
                            let label = format!("Entfernen: {}", f.name);
                            let states = f.states.iter().map(|s| s.name()).collect::<Vec<_>>().join(", ");
                            view! {
                                <li class="flex flex-wrap items-center gap-3">
                                    <span>{format!("{} – {} – bis zu {} Beratungen{}", f.name, states, f.capacity, if f.available { "" } else { " (pausiert)" })}</span>
                                    <ActionForm action=remove>
                                        <input type="hidden" name="account_id" value=f.account_id.to_string() />
                                        <button type="submit" class="button-secondary">{label}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || {
                add.version().get();
                view! {
                    <ActionForm action=add attr:class="mt-4 flex max-w-xl flex-col gap-3" attr:novalidate=true>
                        <TextField name="email" label="E-Mail-Adresse des Mitglieds" input_type="email" value=initial_value(add_error, "email", "") error=field_message(add_error, "email") />
                        <div><button type="submit" class="button-secondary">"Als Prozessbegleiter*in benennen"</button></div>
                    </ActionForm>
                }
            }}
        </section>
    }
}

/// A request's page, shared by coordinators and the assigned facilitator.
#[component]
pub fn ConsultationRequestView(back: &'static str, back_label: &'static str) -> impl IntoView {
    let params = use_params_map();
    let assign = ServerAction::<AssignConsultation>::new();
    let status = ServerAction::<SetConsultationStatus>::new();
    let detail = resource(
        move || {
            (
                params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())),
                assign.version().get(),
                status.version().get(),
            )
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => get_consultation(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <p class="text-sm"><A href=back>{back_label}</A></p>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || detail.get().map(|result| match result {
                Ok(detail) => {
                    let heading = format!("Erstberatung: {}", detail.row.body_name);
                    view! {
                        <Title text=heading.clone() />
                        <h1 class="mt-1 text-3xl font-bold tracking-tight">{heading}</h1>
                        <ConsultationDetails detail=detail assign=assign status=status />
                    }.into_any()
                }
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

/// `/koordination/erstberatung/{id}`.
#[component]
pub fn ConsultationCoordinationPage() -> impl IntoView {
    view! { <ConsultationRequestView back="/koordination/erstberatung" back_label="Alle Anfragen" /> }
}
