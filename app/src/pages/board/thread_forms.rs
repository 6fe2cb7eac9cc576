//! The forms of a thread page: helpful answers, editing and deleting replies, reports,
//! moderation, closing a case, and the reply form. Each posts through an `ActionForm`
//! (so it works without JavaScript) and reloads the thread when it succeeded.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::board::{PostKind, ReplyView};

use crate::api::board::{
    DeleteReply, EditReply, FlagPost, LockThread, MarkHelpful, ModeratePost, ReplyToThread,
    ResolveCase,
};
use crate::components::board::WRITING_HINT;
use crate::components::form::{FormAlert, action_error, kept_value, textarea_text};
use crate::error::AppError;

/// Reloads the thread when `action` succeeded (in the browser; without JavaScript the
/// browser loads the page again anyway).
pub(super) fn reload_on_success<S>(action: ServerAction<S>, reload: RwSignal<u32>)
where
    S: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            reload.update(|n| *n += 1);
        }
    });
}

/// The field errors of a per-item form only when they belong to this item (`target`).
fn scoped(error: Signal<Option<AppError>>, target: String) -> Signal<Option<AppError>> {
    Signal::derive(move || {
        error.get().filter(|e| match e {
            AppError::Validation(errors) => errors.value("target") == Some(target.as_str()),
            _ => true,
        })
    })
}

#[component]
pub(super) fn HelpfulForm(post_id: i64, helpful: bool, reload: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<MarkHelpful>::new();
    reload_on_success(action, reload);
    view! {
        <ActionForm action=action>
            <input type="hidden" name="id" value=post_id.to_string() />
            <input type="hidden" name="helpful" value=if helpful { "nein" } else { "ja" } />
            <button type="submit" class="underline">{if helpful { "Nicht mehr als hilfreich markieren" } else { "Als hilfreich markieren" }}</button>
        </ActionForm>
    }
}

#[component]
pub(super) fn EditReplyForm(reply: ReplyView, reload: RwSignal<u32>) -> impl IntoView {
    let edit = ServerAction::<EditReply>::new();
    let delete = ServerAction::<DeleteReply>::new();
    reload_on_success(edit, reload);
    reload_on_success(delete, reload);
    let target = reply.id.to_string();
    let error = scoped(action_error(edit.value()), target.clone());
    let field_id = format!("antwort-{}-text", reply.id);
    let mine = kept_value(error, "target") == target;
    let text = if mine {
        kept_value(error, "body")
    } else {
        reply.markdown.clone().unwrap_or_default()
    };
    let open = error.get_untracked().is_some();
    view! {
        <details open=open>
            <summary class="cursor-pointer underline">"Bearbeiten oder löschen"</summary>
            <ActionForm action=edit attr:class="mt-2 flex flex-col gap-3" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="id" value=reply.id.to_string() />
                <label for=field_id.clone() class="font-semibold">"Ihre Antwort"</label>
                <textarea id=field_id name="body" rows="5" class="form-input">{textarea_text(text)}</textarea>
                <div><button type="submit" class="button-secondary">"Änderung speichern"</button></div>
            </ActionForm>
            <ActionForm action=delete attr:class="mt-3">
                <input type="hidden" name="id" value=reply.id.to_string() />
                <button type="submit" class="button-danger">"Antwort löschen"</button>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn FlagForm(
    thread_id: i64,
    post_id: Option<i64>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let action = ServerAction::<FlagPost>::new();
    reload_on_success(action, reload);
    let target = post_id.map(|id| id.to_string()).unwrap_or_default();
    let error = scoped(action_error(action.value()), target.clone());
    // After a report the server sends the reader back with `?gemeldet=<target>` (also without
    // JavaScript, where the action's value does not survive the redirect).
    let query = use_query_map();
    let reported = if target.is_empty() {
        "beitrag".to_owned()
    } else {
        target.clone()
    };
    let reported_here = {
        let reported = reported.clone();
        move || query.with(|q| q.get("gemeldet").as_deref() == Some(reported.as_str()))
    };
    let done = Signal::derive({
        let reported_here = reported_here.clone();
        move || matches!(action.value().get(), Some(Ok(()))) || reported_here()
    });
    let field_id = format!("melden-{reported}");
    let open = error.get_untracked().is_some() || reported_here();
    let kept_reason = if kept_value(error, "target") == target {
        kept_value(error, "reason")
    } else {
        String::new()
    };
    view! {
        // Open while the thanks show: the thread reloads after a report and may render this
        // form anew before the redirect's `?gemeldet=` arrives.
        <details open=move || open || done.get() class="text-sm" id=format!("melden-{reported}-bereich")>
            <summary class="cursor-pointer underline">{if post_id.is_some() { "Antwort melden" } else { "Beitrag melden" }}</summary>
            {move || if done.get() {
                view! { <p role="status" class="mt-2">"Danke. Die Koordination sieht sich die Meldung an."</p> }.into_any()
            } else {
                let (target, field_id, kept_reason) = (target.clone(), field_id.clone(), kept_reason.clone());
                view! {
                    <ActionForm action=action attr:class="mt-2 flex flex-col gap-2" attr:novalidate=true>
                        <FormAlert error=error />
                        <input type="hidden" name="thread_id" value=thread_id.to_string() />
                        <input type="hidden" name="post_id" value=target.clone() />
                        <label for=field_id.clone() class="font-semibold">"Was ist daran nicht in Ordnung?"</label>
                        <textarea id=field_id.clone() name="reason" rows="2" class="form-input">{textarea_text(kept_reason.clone())}</textarea>
                        <div><button type="submit" class="button-secondary">"Melden"</button></div>
                    </ActionForm>
                }.into_any()
            }}
        </details>
    }
    .into_any()
}

#[component]
pub(super) fn ModerateReply(
    thread_id: i64,
    post_id: i64,
    hidden: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    view! { <HideForm thread_id=thread_id post_id=Some(post_id) hidden=hidden reload=reload /> }
}

#[component]
fn HideForm(
    thread_id: i64,
    post_id: Option<i64>,
    hidden: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let action = ServerAction::<ModeratePost>::new();
    reload_on_success(action, reload);
    let target = post_id.map(|id| id.to_string()).unwrap_or_default();
    let error = scoped(action_error(action.value()), target.clone());
    let field_id = format!(
        "ausblenden-{}",
        post_id.map_or_else(|| "beitrag".to_owned(), |id| id.to_string())
    );
    let open = error.get_untracked().is_some();
    view! {
        <details open=open class="text-sm">
            <summary class="cursor-pointer underline">{if hidden { "Wieder einblenden" } else { "Ausblenden (Moderation)" }}</summary>
            <ActionForm action=action attr:class="mt-2 flex flex-col gap-2" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="thread_id" value=thread_id.to_string() />
                <input type="hidden" name="post_id" value=target />
                <input type="hidden" name="hide" value=if hidden { "nein" } else { "ja" } />
                {(!hidden).then(|| view! {
                    <label for=field_id.clone() class="font-semibold">"Grund (sieht die Verfasserin oder der Verfasser)"</label>
                    <textarea id=field_id.clone() name="reason" rows="2" class="form-input"></textarea>
                })}
                {hidden.then(|| view! { <input type="hidden" name="reason" value="" /> })}
                <div><button type="submit" class="button-secondary">{if hidden { "Einblenden" } else { "Ausblenden" }}</button></div>
            </ActionForm>
        </details>
    }
}

#[component]
pub(super) fn ModerateThread(
    thread_id: i64,
    hidden: bool,
    locked: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let lock = ServerAction::<LockThread>::new();
    reload_on_success(lock, reload);
    view! {
        <section class="mt-6 rounded-lg border border-slate-300 p-4" aria-labelledby="moderation">
            <h2 id="moderation" class="text-lg font-bold">"Moderation"</h2>
            <div class="mt-2 flex flex-wrap items-start gap-6">
                <HideForm thread_id=thread_id post_id=None hidden=hidden reload=reload />
                <ActionForm action=lock>
                    <input type="hidden" name="thread_id" value=thread_id.to_string() />
                    <input type="hidden" name="locked" value=if locked { "nein" } else { "ja" } />
                    <button type="submit" class="button-secondary">{if locked { "Sperre aufheben" } else { "Beitrag sperren" }}</button>
                </ActionForm>
                <A href="/koordination/moderation">"Zur Moderation"</A>
            </div>
        </section>
    }
}

#[component]
pub(super) fn ResolveForm(thread_id: i64, reload: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<ResolveCase>::new();
    reload_on_success(action, reload);
    let error = action_error(action.value());
    let open = error.get_untracked().is_some();
    view! {
        <details open=open class="mt-6 max-w-3xl rounded-lg border border-slate-300 p-4">
            <summary class="cursor-pointer font-semibold">"Fall abschließen („gelöst“)"</summary>
            <ActionForm action=action attr:class="mt-3 flex flex-col gap-3" attr:novalidate=true>
                <FormAlert error=error />
                <input type="hidden" name="thread_id" value=thread_id.to_string() />
                <label for="ergebnis-text" class="font-semibold">"Was ist herausgekommen?"</label>
                <p class="text-sm text-slate-700" id="ergebnis-hinweis">"Fassen Sie für alle, die später dieselbe Frage haben, das Ergebnis zusammen: welcher Rat geholfen hat und was Sie nun tun."</p>
                <textarea id="ergebnis-text" name="outcome" rows="4" class="form-input" aria-describedby="ergebnis-hinweis">{textarea_text(kept_value(error, "outcome"))}</textarea>
                <div><button type="submit" class="button-primary">"Als gelöst abschließen"</button></div>
            </ActionForm>
        </details>
    }
}

/// The reply form; a quote link (`?zitat=<id>`) fills it with the quoted reply.
#[component]
pub(super) fn ReplyForm(
    thread_id: i64,
    replies: RwSignal<Vec<ReplyView>>,
    kind: PostKind,
) -> impl IntoView {
    let action = ServerAction::<ReplyToThread>::new();
    let error = action_error(action.value());
    let query = use_query_map();
    let label = if kind == PostKind::Case {
        "Ihr Rat"
    } else {
        "Ihre Antwort"
    };
    view! {
        <section class="mt-8" aria-labelledby="antwort-schreiben">
            <h2 id="antwort-schreiben" class="text-xl font-bold">"Antworten"</h2>
            {move || {
                // Re-rendered after a successful reply (empty form) and for a quote.
                let _ = action.version().get();
                let quote = query.with(|q| q.get("zitat")).and_then(|id| id.parse::<i64>().ok());
                let quoted = quote.and_then(|id| replies.with_untracked(|all| all.iter().find(|r| r.id == id).cloned()));
                let initial = match (error.get_untracked(), quoted) {
                    (Some(_), _) => kept_value(error, "body"),
                    (None, Some(reply)) => {
                        let mut text = format!("> @\"{}\" schrieb:\n", reply.author.name);
                        for line in reply.markdown.unwrap_or_default().lines() {
                            text.push_str("> ");
                            text.push_str(line);
                            text.push('\n');
                        }
                        text.push('\n');
                        text
                    }
                    (None, None) => String::new(),
                };
                view! {
                    <ActionForm action=action attr:class="mt-3 flex flex-col gap-3" attr:novalidate=true>
                        <FormAlert error=error />
                        <input type="hidden" name="thread_id" value=thread_id.to_string() />
                        <label for="antwort-text" class="font-semibold">{label}</label>
                        <p id="antwort-hinweis" class="text-sm text-slate-700">{WRITING_HINT}</p>
                        <textarea id="antwort-text" name="body" rows="6" class="form-input" aria-describedby="antwort-hinweis">{textarea_text(initial)}</textarea>
                        {move || error.get().and_then(|e| e.field_message("body")).map(|m| view! { <p class="field-error">{m}</p> })}
                        <div><button type="submit" class="button-primary">"Antwort senden"</button></div>
                    </ActionForm>
                }
            }}
        </section>
    }
}
