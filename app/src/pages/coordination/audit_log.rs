use leptos::prelude::*;

use crate::api::coordination::list_audit_log;
use crate::api::resource::resource;
use crate::components::layout::PageHeading;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/protokoll`: who did what, when.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let entries = resource(|| (), |()| list_audit_log());
    view! {
        <PageHeading title="Protokoll" lead="Entscheidungen und Änderungen der Koordination, neueste zuerst." />
        <CoordinationNav />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || entries.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p class="mt-6">"Noch keine Einträge."</p> }.into_any(),
                Ok(list) => view! {
                    <ol class="mt-6 flex flex-col gap-2" data-testid="protokoll">
                        {list.into_iter().map(|entry| view! {
                            <li class="rounded border border-slate-200 p-3">
                                <p><strong>{entry.actor_name.clone()}</strong> " · " {action_label(&entry.action)} " · " {entry.target.clone()}</p>
                                <p class="text-sm text-slate-700">{entry.created_at.clone()} {(!entry.details.is_empty()).then(|| format!(" · {}", entry.details))}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
                Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

/// German label of an audit action.
fn action_label(action: &str) -> String {
    match action {
        "join_request.approved" => "Antrag angenommen",
        "join_request.declined" => "Antrag abgelehnt",
        "member.role_changed" => "Rolle geändert",
        "member.deactivated" => "Mitglied deaktiviert",
        "member.reactivated" => "Mitglied reaktiviert",
        "member.invitation_resent" => "Einladung erneut gesendet",
        "admin.created" => "Administration angelegt",
        "account.deleted_by_member" => "Konto vom Mitglied gelöscht",
        "member_import.applied" => "Mitgliederliste importiert",
        "member_list.exported" => "Mitgliederliste exportiert",
        "forum.create" => "Forum angelegt",
        "forum.update" => "Forum geändert",
        "forum.cohort.create" => "Staffel angelegt",
        "forum.cohort.update" => "Staffel geändert",
        "forum.meeting.create" => "Termin angelegt",
        "forum.meeting.update" => "Termin geändert",
        "forum.meeting.delete" => "Termin gelöscht",
        "forum.organiser.add" => "Organisator*in benannt",
        "forum.organiser.remove" => "Organisator*in entfernt",
        other => other,
    }
    .to_owned()
}
