use leptos::prelude::*;
use shared::consultations::{FacilitatorPage, MAX_FACILITATOR_CAPACITY};
use shared::{Bundesland, Topic};

use super::coordination::{ConsultationRequestView, RequestTable};
use crate::api::consultations::{UpdateFacilitatorProfile, get_facilitator_page};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, TextField, action_error, field_message, initial_value};
use crate::components::forums::CheckboxGroup;
use crate::components::layout::PageHeading;
use crate::components::layout::Refusal;
use crate::error::AppError;

/// `/prozessbegleitung`: a facilitator's assigned requests and profile.
#[component]
pub fn FacilitatorHomePage() -> impl IntoView {
    let update = ServerAction::<UpdateFacilitatorProfile>::new();
    let page = resource(move || update.version().get(), |_| get_facilitator_page());
    view! {
        <PageHeading title="Prozessbegleitung" lead="Ihre Erstberatungen und wofür Sie angefragt werden können." />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Facilitator page=page update=update /> }.into_any(),
                Err(AppError::Forbidden) => view! {
                    <p class="mt-6" role="alert">"Sie sind nicht als Prozessbegleiter*in eingetragen. Die Koordination kann Sie benennen."</p>
                }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Facilitator(
    page: FacilitatorPage,
    update: ServerAction<UpdateFacilitatorProfile>,
) -> impl IntoView {
    let error = action_error(update.value());
    let profile = page.profile;
    let kept = |field: &'static str, stored: Vec<&'static str>| -> Vec<String> {
        match error.get_untracked() {
            Some(AppError::Validation(errors)) => errors
                .value(field)
                .unwrap_or_default()
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
            _ => stored.into_iter().map(str::to_owned).collect(),
        }
    };
    let states = kept("states", profile.states.iter().map(|s| s.code()).collect());
    let topics = kept("topics", profile.topics.iter().map(|t| t.code()).collect());
    let available = match error.get_untracked() {
        Some(AppError::Validation(_)) => true,
        _ => profile.available,
    };
    view! {
        <h2 class="mt-8 text-2xl font-bold">"Ihre Anfragen"</h2>
        <RequestTable requests=page.assigned base="/prozessbegleitung/anfragen" />
        <section class="account-section" aria-labelledby="profil">
            <h2 id="profil">"Ihr Profil als Prozessbegleiter*in"</h2>
            <ActionForm action=update attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <CheckboxGroup name="states" legend="Sie beraten in" hint="Bundesländer, in denen Sie Kommunen beraten." options=Bundesland::ALL.iter().map(|s| (s.code(), s.name())).collect() checked=states error=field_message(error, "states") />
                <CheckboxGroup name="topics" legend="Ihre Themen" hint="Mindestens ein Thema." options=Topic::ALL.iter().map(|t| (t.code(), t.label())).collect() checked=topics error=field_message(error, "topics") />
                <TextField name="capacity" label="Wie viele Beratungen gleichzeitig?" input_type="number" value=initial_value(error, "capacity", &profile.capacity.to_string()) hint=capacity_hint() error=field_message(error, "capacity") />
                <div class="flex items-start gap-3">
                    <input id="available" name="available" type="checkbox" value="ja" checked=available class="mt-1 h-5 w-5" />
                    <label for="available">"Ich nehme neue Anfragen an"</label>
                </div>
                <div><button type="submit" class="button-primary">"Profil speichern"</button></div>
            </ActionForm>
        </section>
    }
}

fn capacity_hint() -> &'static str {
    const _: () = assert!(MAX_FACILITATOR_CAPACITY == 20);
    "1 bis 20"
}

/// `/prozessbegleitung/anfragen/{id}`: an assigned request.
#[component]
pub fn FacilitatorRequestPage() -> impl IntoView {
    view! { <ConsultationRequestView back="/prozessbegleitung" back_label="Zurück zu Ihren Anfragen" /> }
}
