use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::member_import::{
    ImportReport, ImportStatus, MAX_ROWS, MAX_UPLOAD_BYTES, RowOutcome, UploadProblem,
};

use crate::api::member_import::{
    ApplyMemberImport, ImportSummary, get_member_import, list_member_imports,
};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::PageHeading;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/import`: upload the network's member list (checked first, written only on
/// request) and download the current list.
#[component]
pub fn MemberImportPage() -> impl IntoView {
    let problem = use_query_map().with_untracked(|q| {
        q.get("fehler")
            .and_then(|code| UploadProblem::from_code(&code))
    });
    let imports = resource(|| (), |()| list_member_imports());
    view! {
        <PageHeading
            title="Mitgliederliste importieren"
            lead="Übernehmen Sie die Mitgliederliste des Netzwerks aus einer Tabelle. Die Datei wird zuerst geprüft; übernommen wird erst, wenn Sie es bestätigen – und nur, wenn keine Zeile fehlerhaft ist."
        />
        <CoordinationNav />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || imports.get().map(|result| match result {
                Ok(list) => view! {
                    <UploadForm problem=problem />
                    <ColumnHelp />
                    <RecentImports list=list />
                }.into_any(),
                Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn UploadForm(problem: Option<UploadProblem>) -> impl IntoView {
    let hint = format!(
        "CSV-Datei in UTF-8 oder aus Excel („CSV (Trennzeichen-getrennt)“), getrennt durch Semikolon, Komma oder Tabulator; höchstens {} MB und {} Zeilen.",
        MAX_UPLOAD_BYTES / (1024 * 1024),
        shared::text::format_thousands(MAX_ROWS as i64)
    );
    let described = if problem.is_some() {
        "import-datei-hinweis import-datei-fehler"
    } else {
        "import-datei-hinweis"
    };
    view! {
        <section class="account-section" aria-labelledby="import-hochladen">
            <h2 id="import-hochladen">"Datei prüfen"</h2>
            <form method="post" action="/koordination/import/hochladen" enctype="multipart/form-data" class="mt-4 flex max-w-2xl flex-col gap-4">
                <div class="form-field">
                    <label for="import-datei" class="font-semibold">"Mitgliederliste (CSV)"</label>
                    <p id="import-datei-hinweis" class="text-sm text-slate-700">{hint}</p>
                    <input
                        id="import-datei"
                        name="datei"
                        type="file"
                        accept=".csv,.txt,text/csv"
                        required
                        class="form-input"
                        aria-describedby=described
                        aria-invalid=problem.is_some().to_string()
                    />
                    {problem.map(|problem| view! { <p id="import-datei-fehler" class="field-error">{problem.message()}</p> })}
                </div>
                <div class="flex items-start gap-3">
                    <input id="import-einladungen" name="einladungen" type="checkbox" value="ja" checked class="mt-1 h-5 w-5" />
                    <label for="import-einladungen">
                        "Neuen Mitgliedern eine E-Mail senden, mit der sie ihr Passwort festlegen. Sie erfahren darin auch, welche Angaben übernommen wurden und wie sie widersprechen können."
                    </label>
                </div>
                <div>
                    <button type="submit" class="button-primary">"Datei prüfen"</button>
                </div>
                <p class="text-sm text-slate-700">"Beim Prüfen wird noch niemand angelegt. Sie sehen für jede Zeile, was geschehen würde."</p>
            </form>
            <p class="mt-4">
                <a href="/koordination/mitglieder.csv" download class="font-semibold underline">"Aktuelle Mitgliederliste herunterladen (CSV)"</a>
                " – mit denselben Spalten; eignet sich auch als Vorlage."
            </p>
        </section>
    }
}

#[component]
fn ColumnHelp() -> impl IntoView {
    view! {
        <section class="account-section" aria-labelledby="import-spalten">
            <h2 id="import-spalten">"Spalten"</h2>
            <p class="mt-2">"Die erste Zeile enthält die Spaltennamen; die Reihenfolge ist beliebig, weitere Spalten werden übergangen."</p>
            <dl class="profile-facts">
                <dt>"E-Mail"</dt><dd>"Pflicht. Adressen, die schon ein Konto haben, bleiben unverändert."</dd>
                <dt>"Name"</dt><dd>"Pflicht – oder die Spalten „Vorname“ und „Nachname“."</dd>
                <dt>"AGS"</dt><dd>"Amtlicher Gemeindeschlüssel (8 Ziffern; eine von Excel entfernte führende Null wird ergänzt) – oder stattdessen:"</dd>
                <dt>"Kommune, Bundesland"</dt><dd>"Name der Kommune; das Bundesland ist nötig, wenn der Name mehrfach vorkommt."</dd>
                <dt>"Funktion"</dt><dd>"Pflicht, z. B. „Partizipationsbeauftragte“."</dd>
                <dt>"Abteilung, Telefon, Website"</dt><dd>"Freiwillig."</dd>
                <dt>"Themen"</dt><dd>"Freiwillig, durch Komma getrennt: " {shared::Topic::labels(&shared::Topic::ALL)} "."</dd>
                <dt>"Sichtbarkeit"</dt><dd>"„öffentlich“, „Mitglieder“ oder „verborgen“; ohne Angabe: nur für angemeldete Mitglieder. „öffentlich“ bitte nur mit Einwilligung der Person."</dd>
            </dl>
        </section>
    }
}

#[component]
fn RecentImports(list: Vec<ImportSummary>) -> impl IntoView {
    view! {
        <section class="account-section" aria-labelledby="import-verlauf">
            <h2 id="import-verlauf">"Letzte Importe"</h2>
            {if list.is_empty() {
                view! { <p class="mt-2">"Noch keine Dateien geprüft."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-2 flex flex-col gap-2" data-testid="import-verlauf">
                        {list.into_iter().map(|item| view! {
                            <li>
                                <A href=format!("/koordination/import/{}", item.id) attr:class="font-semibold underline">{item.file_name.clone()}</A>
                                <span class="text-sm text-slate-700">
                                    " · " {item.created_at.clone()} " · " {item.created_by.clone()} " · "
                                    {match item.status {
                                        ImportStatus::Applied => format!("übernommen ({} neu)", item.creates),
                                        ImportStatus::Checked if item.errors > 0 => format!("geprüft, {} Fehler", item.errors),
                                        ImportStatus::Checked => format!("geprüft, {} neu – noch nicht übernommen", item.creates),
                                    }}
                                </span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// `/koordination/import/{id}`: the outcome of every line, and the button that applies it.
#[component]
pub fn MemberImportReportPage() -> impl IntoView {
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()))
        .unwrap_or(0);
    let apply = ServerAction::<ApplyMemberImport>::new();
    let report = resource(
        move || apply.version().get(),
        move |_| get_member_import(id),
    );
    view! {
        <PageHeading title="Import prüfen" />
        <CoordinationNav />
        <FormAlert error=action_error(apply.value()) />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || report.get().map(|result| match result {
                Ok(report) => view! { <ReportView report=report apply=apply /> }.into_any(),
                Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ReportView(report: ImportReport, apply: ServerAction<ApplyMemberImport>) -> impl IntoView {
    let creates = report.creates();
    let existing = report.existing();
    let errors = report.errors();
    let summary = match report.status {
        ImportStatus::Applied => format!(
            "Übernommen am {}: {} angelegt, {existing} bereits vorhanden.",
            report.applied_at.clone().unwrap_or_default(),
            new_members(creates)
        ),
        ImportStatus::Checked if errors > 0 => format!(
            "Die Datei enthält {errors} fehlerhafte Zeile{}. Es wurde nichts übernommen. Bitte korrigieren Sie die Datei und laden Sie sie erneut hoch.",
            if errors == 1 { "" } else { "n" }
        ),
        ImportStatus::Checked => format!(
            "Geprüft: {} würde{} angelegt, {existing} Adresse{} bereits ein Konto. Noch wurde nichts übernommen.",
            new_members(creates),
            if creates == 1 { "" } else { "n" },
            if existing == 1 { " hat" } else { "n haben" }
        ),
    };
    let summary_class = if errors > 0 {
        "form-alert mt-6"
    } else {
        "notice-success"
    };
    let id = report.id.to_string();
    view! {
        <p class="mt-4 text-sm text-slate-700">
            {format!(
                "Datei „{}“ · {} · Trennzeichen {} · geprüft am {} von {}",
                report.file_name, report.encoding, report.delimiter, report.created_at, report.created_by
            )}
        </p>
        <p class=summary_class role="status" data-testid="import-ergebnis">{summary}</p>
        {(!report.file_errors.is_empty()).then(|| view! {
            <ul class="mt-4 flex flex-col gap-1" data-testid="import-dateifehler">
                {report.file_errors.iter().map(|e| view! { <li class="field-error">{e.clone()}</li> }).collect_view()}
            </ul>
        })}
        {(!report.ignored_columns.is_empty()).then(|| view! {
            <p class="mt-4">"Nicht übernommene Spalten: " {report.ignored_columns.join(", ")}</p>
        })}
        {report.can_apply().then(|| view! {
            <ActionForm action=apply attr:class="mt-6 flex flex-wrap items-center gap-4">
                <input type="hidden" name="id" value=id />
                <button type="submit" class="button-primary">{if creates == 1 { "1 Mitglied jetzt anlegen".to_owned() } else { format!("{creates} Mitglieder jetzt anlegen") }}</button>
                <span>{if report.send_invitations { "Sie erhalten eine Einladung per E-Mail." } else { "Ohne Einladungs-E-Mail." }}</span>
            </ActionForm>
        })}
        <p class="mt-6"><A href="/koordination/import" attr:class="font-semibold underline">"Andere Datei prüfen"</A></p>
        {(!report.rows.is_empty()).then(|| view! {
            <div class="mt-6 overflow-x-auto">
                <table class="w-full border-collapse text-left" data-testid="import-zeilen">
                    <caption class="sr-only">"Ergebnis je Zeile"</caption>
                    <thead>
                        <tr class="border-b-2 border-slate-300">
                            <th scope="col" class="p-2">"Zeile"</th>
                            <th scope="col" class="p-2">"Name"</th>
                            <th scope="col" class="p-2">"E-Mail"</th>
                            <th scope="col" class="p-2">"Kommune"</th>
                            <th scope="col" class="p-2">"Ergebnis"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {report.rows.iter().map(|row| {
                            let (label, class) = match &row.outcome {
                                RowOutcome::Create if report.status == ImportStatus::Applied => ("angelegt".to_owned(), "text-green-900"),
                                RowOutcome::Create => ("wird angelegt".to_owned(), "text-green-900"),
                                RowOutcome::Existing => ("bereits Mitglied – bleibt unverändert".to_owned(), "text-slate-800"),
                                RowOutcome::Invalid(messages) => (format!("Fehler: {}", messages.join(" ")), "field-error"),
                            };
                            view! {
                                <tr class="border-b border-slate-200 align-top" data-zeile=row.line.to_string()>
                                    <th scope="row" class="p-2 font-normal">{row.line}</th>
                                    <td class="p-2">{row.name.clone()}</td>
                                    <td class="p-2 break-all">{row.email.clone()}</td>
                                    <td class="p-2">{row.kommune.clone()}</td>
                                    <td class=format!("p-2 {class}")>{label}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

/// "1 neues Mitglied", "3 neue Mitglieder".
fn new_members(count: usize) -> String {
    if count == 1 {
        "1 neues Mitglied".to_owned()
    } else {
        format!("{count} neue Mitglieder")
    }
}
