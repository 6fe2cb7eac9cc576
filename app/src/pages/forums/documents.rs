use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::forums::{DocumentView, document_problem_text};

use crate::api::forums::DeleteForumDocument;
use crate::components::form::{FormAlert, action_error};

/// A forum's documents as a list of downloads.
#[component]
pub fn DocumentList(documents: Vec<DocumentView>) -> impl IntoView {
    (!documents.is_empty()).then(|| {
        view! {
            <h2 class="mt-10 text-2xl font-bold">"Dokumente"</h2>
            <ul class="mt-3 flex flex-col gap-2" data-testid="dokumente">
                {documents.into_iter().map(|document| view! {
                    <li>
                        <a href=document.href.clone() download="" rel="external">{document.title.clone()}</a>
                        <span class="text-slate-700">{format!(" ({})", document.size_text())}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The organisers' part: upload a PDF (a plain multipart form to a server route, so it works
/// without JavaScript too) and remove documents.
#[component]
pub fn DocumentEditor(forum_slug: String, documents: Vec<DocumentView>) -> impl IntoView {
    let query = use_query_map();
    let problem = Memo::new(move |_| {
        query.with(|q| {
            q.get("fehler")
                .and_then(|code| document_problem_text(&code))
        })
    });
    let added = Memo::new(move |_| query.with(|q| q.get("dokument").is_some()));
    let delete = ServerAction::<DeleteForumDocument>::new();
    let delete_error = action_error(delete.value());
    let upload = format!("/foren-verwaltung/{forum_slug}/dokumente");
    view! {
        <section class="account-section" aria-labelledby="dokumente">
            <h2 id="dokumente">"Dokumente"</h2>
            <p class="mt-2 max-w-3xl text-slate-700">"PDF-Dateien, z. B. den Praxisleitfaden, höchstens 10 MB je Datei. Sie sind für alle herunterladbar, die das Forum sehen."</p>
            {move || added.get().then(|| view! { <p role="status" class="notice-success">"Das Dokument wurde hochgeladen."</p> })}
            <FormAlert error=delete_error />
            {if documents.is_empty() {
                view! { <p class="mt-3">"Noch keine Dokumente."</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 flex flex-col gap-2" data-testid="dokumente">
                        {documents.into_iter().map(|document| {
                            let label = format!("Entfernen: {}", document.title);
                            view! {
                                <li class="flex flex-wrap items-center gap-3">
                                    <a href=document.href.clone() download="" rel="external">{document.title.clone()}</a>
                                    <span class="text-slate-700">{document.size_text()}</span>
                                    <ActionForm action=delete>
                                        <input type="hidden" name="id" value=document.id.to_string() />
                                        <button type="submit" class="button-secondary">{label}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form method="post" action=upload enctype="multipart/form-data" class="mt-4 flex max-w-xl flex-col gap-3">
                {move || problem.get().map(|message| view! { <div role="alert" class="form-alert">{message}</div> })}
                <div class="form-field">
                    <label for="dokument-titel" class="font-semibold">"Titel des Dokuments"</label>
                    <input id="dokument-titel" name="titel" type="text" class="form-input" required=true />
                </div>
                <div class="form-field">
                    <label for="dokument-datei" class="font-semibold">"PDF-Datei"</label>
                    <input id="dokument-datei" name="datei" type="file" accept="application/pdf,.pdf" class="form-input" required=true />
                </div>
                <div><button type="submit" class="button-secondary">"Dokument hochladen"</button></div>
            </form>
        </section>
    }
}
