//! Municipalities: their public page, and the gazetteer for coordinators (adding
//! municipalities it lacks).

mod kommune_page;

pub use kommune_page::KommunePageView;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::kommunen::AddKommune;
use crate::components::form::{FormAlert, TextField, action_error, field_message, initial_value};
use crate::components::layout::PageHeading;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/kommunen`: add a municipality missing from the gazetteer.
#[component]
pub fn AddKommunePage() -> impl IntoView {
    let action = ServerAction::<AddKommune>::new();
    let error = action_error(action.value());
    let added = use_query_map().with_untracked(|q| q.get("hinzugefuegt"));
    view! {
        <PageHeading
            title="Kommune ergänzen"
            lead="Das Verzeichnis führt Gemeinden ab etwa 1.000 Einwohner*innen. Fehlt eine Gemeinde, tragen Sie sie hier mit ihrem Amtlichen Gemeindeschlüssel ein; ohne Koordinaten erscheint sie in der Mitte ihres Landkreises."
        />
        <CoordinationNav />
        {added.map(|ags| view! { <p role="status" class="notice-success">{format!("Die Kommune {ags} ist jetzt im Verzeichnis.")}</p> })}
        <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
            <FormAlert error=error />
            <TextField name="ags" label="Amtlicher Gemeindeschlüssel (8 Ziffern)" value=initial_value(error, "ags", "") required=true hint="z. B. 09162000; die ersten fünf Ziffern sind der Landkreis." error=field_message(error, "ags") />
            <TextField name="name" label="Name der Gemeinde" value=initial_value(error, "name", "") required=true error=field_message(error, "name") />
            <TextField name="population" label="Einwohner*innen (optional)" input_type="number" value=initial_value(error, "population", "") error=field_message(error, "population") />
            <div class="grid gap-5 sm:grid-cols-2">
                <TextField name="lat" label="Breitengrad (optional)" value=initial_value(error, "lat", "") hint="z. B. 51,34" error=field_message(error, "lat") />
                <TextField name="lon" label="Längengrad (optional)" value=initial_value(error, "lon", "") hint="z. B. 12,37" error=field_message(error, "lon") />
            </div>
            <div><button type="submit" class="button-primary">"Kommune eintragen"</button></div>
        </ActionForm>
    }
}
