use leptos::prelude::*;
use leptos_router::components::A;

/// Navigation between the coordination pages.
#[component]
pub fn CoordinationNav() -> impl IntoView {
    view! {
        <nav aria-label="Koordination" class="mt-4">
            <ul class="flex flex-wrap gap-2">
                <li><A href="/koordination/antraege" attr:class="nav-link">"Anträge"</A></li>
                <li><A href="/koordination/mitglieder" attr:class="nav-link">"Mitglieder"</A></li>
                <li><A href="/koordination/import" attr:class="nav-link">"Import/Export"</A></li>
                <li><A href="/koordination/erstberatung" attr:class="nav-link">"Erstberatung"</A></li>
                <li><A href="/koordination/kommunen" attr:class="nav-link">"Kommunen"</A></li>
                <li><A href="/koordination/moderation" attr:class="nav-link">"Moderation"</A></li>
                <li><A href="/koordination/protokoll" attr:class="nav-link">"Protokoll"</A></li>
            </ul>
        </nav>
    }
}
