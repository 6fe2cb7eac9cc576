use leptos::prelude::*;

use crate::api::resource::resource;
use crate::api::site::get_site_status;
use crate::components::layout::PageHeading;

/// Impressum (§ 5 DDG, § 18 MStV). The operator's details come from the installation's
/// configuration (`OPERATOR_*` variables).
#[component]
pub fn ImprintPage() -> impl IntoView {
    let status = resource(|| (), |()| get_site_status());
    view! {
        <PageHeading title="Impressum" />
        <div class="prose-page">
            <h2>"Angaben gemäß § 5 DDG"</h2>
            <Suspense fallback=|| view! { <p>"Angaben werden geladen …"</p> }>
                {move || {
                    status
                        .get()
                        .map(|result| match result {
                            Ok(status) if status.operator.is_configured() => {
                                let operator = status.operator;
                                view! {
                                    <address class="not-italic" data-testid="betreiber">
                                        <p>{operator.name.clone()}</p>
                                        {operator
                                            .address_lines()
                                            .map(|line| view! { <p>{line.to_owned()}</p> })
                                            .collect_view()}
                                        <p>"E-Mail: " {operator.email.clone()}</p>
                                    </address>
                                    <h2>"Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"</h2>
                                    <p>{operator.responsible_person.clone()}</p>
                                }
                                    .into_any()
                            }
                            Ok(_) => {
                                view! {
                                    <p data-testid="betreiber">
                                        "Für diese Installation sind noch keine Betreiberangaben hinterlegt. Die Betreiberin oder der Betreiber trägt sie über die Einstellungen OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL und OPERATOR_RESPONSIBLE ein."
                                    </p>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <p role="alert">{error.to_string()}</p> }.into_any(),
                        })
                }}
            </Suspense>
            <h2>"Haftung für Inhalte"</h2>
            <p>
                "Beiträge im Erfahrungsaustausch geben die Meinung der jeweiligen Verfasser*innen wieder. Die Koordination des Netzwerks prüft gemeldete Beiträge und entfernt rechtswidrige Inhalte unverzüglich, sobald sie davon Kenntnis erhält."
            </p>
            <h2>"Haftung für Links"</h2>
            <p>
                "Für Inhalte verlinkter externer Seiten sind ausschließlich deren Betreiber verantwortlich. Zum Zeitpunkt der Verlinkung waren keine Rechtsverstöße erkennbar."
            </p>
        </div>
    }
}
