use leptos::prelude::*;
use leptos_router::components::A;
use shared::board::FlagItem;

use crate::api::board::{DismissFlag, ModeratePost, moderation_queue};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::{PageHeading, Refusal};
use crate::pages::coordination::CoordinationNav;

/// `/koordination/moderation`: the open reports, oldest first; hide (with a reason the
/// author sees) or dismiss. Every step goes into the audit log.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let hide = ServerAction::<ModeratePost>::new();
    let dismiss = ServerAction::<DismissFlag>::new();
    let queue = resource(
        move || (hide.version().get(), dismiss.version().get()),
        |_| moderation_queue(),
    );
    let error = action_error(hide.value());
    view! {
        <PageHeading title="Moderation" lead="Gemeldete Beiträge und Antworten. Ausgeblendete Texte sehen nur ihre Verfasser*innen (mit Ihrem Grund) und die Koordination." />
        <CoordinationNav />
        <FormAlert error=error />
        <Transition fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || queue.get().map(|result| match result {
                Ok(items) if items.is_empty() => view! { <p class="mt-6" role="status">"Keine offenen Meldungen."</p> }.into_any(),
                Ok(items) => view! {
                    <ol class="mt-6 flex flex-col gap-4" data-testid="meldungen">
                        {items.into_iter().map(|item| view! { <FlagCard item=item hide=hide dismiss=dismiss /> }).collect_view()}
                    </ol>
                }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn FlagCard(
    item: FlagItem,
    hide: ServerAction<ModeratePost>,
    dismiss: ServerAction<DismissFlag>,
) -> impl IntoView {
    let href = match item.post_id {
        Some(post) => format!("/austausch/{}#antwort-{post}", item.thread_id),
        None => format!("/austausch/{}", item.thread_id),
    };
    let reason_id = format!("grund-{}", item.id);
    let what = if item.post_id.is_some() {
        "Antwort in"
    } else {
        "Beitrag"
    };
    view! {
        <li class="rounded-lg border border-slate-300 p-4" data-flag=item.id.to_string()>
            <p class="text-sm text-slate-700">{format!("Gemeldet am {} · {what}", item.flagged_at)} " " <A href=href>{item.thread_title.clone()}</A></p>
            <blockquote class="mt-2 border-l-4 border-slate-300 pl-3 text-slate-800">{item.excerpt.clone()}</blockquote>
            <p class="mt-2"><span class="font-semibold">"Grund der Meldung: "</span>{item.reason.clone()}</p>
            {item.hidden.then(|| view! { <p class="mt-1 font-semibold text-red-800">"Bereits ausgeblendet."</p> })}
            <div class="mt-3 flex flex-wrap items-end gap-6">
                {(!item.hidden).then(|| view! {
                    <ActionForm action=hide attr:class="flex flex-col gap-2">
                        <input type="hidden" name="thread_id" value=item.thread_id.to_string() />
                        <input type="hidden" name="post_id" value=item.post_id.map(|p| p.to_string()).unwrap_or_default() />
                        <input type="hidden" name="hide" value="ja" />
                        <label for=reason_id.clone() class="font-semibold">"Grund für die Verfasser*in"</label>
                        <input id=reason_id.clone() name="reason" class="form-input" />
                        <div><button type="submit" class="button-danger">"Ausblenden"</button></div>
                    </ActionForm>
                })}
                <ActionForm action=dismiss>
                    <input type="hidden" name="id" value=item.id.to_string() />
                    <button type="submit" class="button-secondary">"Meldung erledigt, nichts ausblenden"</button>
                </ActionForm>
            </div>
        </li>
    }
}
