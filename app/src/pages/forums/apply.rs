use crate::api::resource::resource;
use crate::components::layout::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forums::{ApplyPage as ApplyPageData, CohortStatus, DecisionRole};

use super::Refusal;
use crate::api::forums::{SubmitApplication, get_apply_page};
use crate::components::form::{
    ConsentBox, FormAlert, SelectField, TextArea, TextField, action_error, field_message,
};
use crate::components::forums::initial_value;
use crate::components::kommune::BodyFields;

/// `/foren/{forum}/{cohort}/bewerben`: the application form (no account needed; prefilled for
/// a signed-in member).
#[component]
pub fn ApplyPage() -> impl IntoView {
    let (forum, cohort) = use_params_map().with_untracked(|p| {
        (
            p.get("forum").unwrap_or_default(),
            p.get("cohort").unwrap_or_default(),
        )
    });
    let page = resource(
        move || (forum.clone(), cohort.clone()),
        |(f, c)| get_apply_page(f, c),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <ApplicationForm page=page /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ApplicationForm(page: ApplyPageData) -> impl IntoView {
    let ApplyPageData {
        forum,
        cohort,
        prefill,
    } = page;
    let action = ServerAction::<SubmitApplication>::new();
    let error = action_error(action.value());
    let heading = format!("Bewerbung: {} – {}", forum.title, cohort.name);
    let back = format!("/foren/{}/{}", forum.slug, cohort.slug);
    let open = cohort.status == CohortStatus::Open;
    let roles: Vec<(&'static str, &'static str)> = DecisionRole::ALL
        .iter()
        .map(|r| (r.code(), r.label()))
        .collect();
    let commitment = initial_value(error, "commitment", "") == "ja";
    let consent = initial_value(error, "consent", "") == "ja";
    view! {
        <Title text=heading.clone() />
        <p class="text-sm"><A href=back.clone()>{format!("Zurück zu {}", cohort.name)}</A></p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">{heading}</h1>
        {if !open {
            view! {
                <p class="mt-4 notice" role="status" data-testid="bewerbung-geschlossen">
                    {format!("Für diese Staffel sind keine Bewerbungen möglich (Bewerbungsfrist vom {} bis {}).", cohort.opens_on, cohort.closes_on)}
                </p>
            }.into_any()
        } else {
            view! {
                <p class="mt-3 max-w-3xl text-slate-700">
                    {format!("Bewerbungsschluss: {}. Plätze: {}. Wer teilnimmt, verpflichtet sich, an allen Arbeitstreffen teilzunehmen.", cohort.closes_on, cohort.seats_text())}
                </p>
                <p class="mt-2 max-w-3xl text-slate-700">"Ein Konto brauchen Sie nicht: Nach dem Absenden schicken wir Ihnen einen persönlichen Link, über den Sie den Stand Ihrer Bewerbung sehen und sie zurückziehen können."</p>
                <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                    <FormAlert error=error />
                    <input type="hidden" name="cohort_id" value=cohort.id.to_string() />
                    <TextField name="name" label="Vor- und Nachname" value=initial_value(error, "name", &prefill.name) autocomplete="name" required=true error=field_message(error, "name") />
                    <TextField name="email" label="Dienstliche E-Mail-Adresse" input_type="email" value=initial_value(error, "email", &prefill.email) autocomplete="email" required=true error=field_message(error, "email") />
                    <SelectField name="role" label="Ihr Amt" options=roles value=initial_value(error, "role", &prefill.role) required=true error=field_message(error, "role") />
                    <TextField name="department" label="Fachbereich oder Amt" value=initial_value(error, "department", &prefill.department) hint="Bei einer Fachbereichsleitung erforderlich, z. B. Stadtentwicklung." error=field_message(error, "department") />
                    <BodyFields error=error kind=prefill.body_kind.clone() body=prefill.body.clone() district=prefill.body_district.clone() />
                    <TextArea name="motivation" label="Warum möchten Sie teilnehmen?" value=initial_value(error, "motivation", &prefill.motivation) rows=5 hint="20 bis 3.000 Zeichen." error=field_message(error, "motivation") />
                    <TextArea name="challenge" label="Ihr aktuelles Anliegen für die kollegiale Beratung" value=initial_value(error, "challenge", &prefill.challenge) rows=5 hint="Welche Herausforderung Ihrer Kommune möchten Sie mit den anderen Teilnehmenden beraten? 20 bis 3.000 Zeichen." error=field_message(error, "challenge") />
                    <ConsentBox name="commitment" checked=commitment error=field_message(error, "commitment")>
                        "Ich nehme an allen Arbeitstreffen der Staffel teil."
                    </ConsentBox>
                    <ConsentBox name="consent" checked=consent error=field_message(error, "consent")>
                        "Ich habe die " <A href="/datenschutz">"Datenschutzhinweise"</A>
                        " gelesen und willige ein, dass meine Angaben zur Auswahl der Teilnehmenden und zur Durchführung der Staffel verarbeitet werden. Die Einwilligung kann ich jederzeit widerrufen, indem ich die Bewerbung zurückziehe."
                    </ConsentBox>
                    <div><button type="submit" class="button-primary">"Bewerbung absenden"</button></div>
                </ActionForm>
            }.into_any()
        }}
    }
}

/// `/foren/{forum}/{cohort}/bewerben/danke`: what happens next.
#[component]
pub fn ApplicationSentPage() -> impl IntoView {
    let (forum, cohort) = use_params_map().with_untracked(|p| {
        (
            p.get("forum").unwrap_or_default(),
            p.get("cohort").unwrap_or_default(),
        )
    });
    let back = format!("/foren/{forum}/{cohort}");
    view! {
        <Title text="Bewerbung eingegangen" />
        <h1 class="text-3xl font-bold tracking-tight">"Vielen Dank für Ihre Bewerbung"</h1>
        <div class="mt-4 max-w-2xl space-y-3" role="status" data-testid="bewerbung-eingegangen">
            <p>"Wir haben Ihnen eine E-Mail an die angegebene Adresse geschickt. Über den persönlichen Link darin sehen Sie jederzeit den Stand Ihrer Bewerbung und können sie zurückziehen."</p>
            <p>"Gab es unter dieser Adresse schon eine Bewerbung für diese Staffel, haben wir keine zweite angelegt; die E-Mail enthält dann den Link zu Ihrer bestehenden Bewerbung."</p>
            <p>"Keine E-Mail erhalten? Bitte prüfen Sie Ihren Spam-Ordner."</p>
        </div>
        <p class="mt-6"><A href=back>"Zurück zur Staffel"</A></p>
    }
}
