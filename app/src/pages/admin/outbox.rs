use leptos::prelude::*;

use crate::api::admin::list_outbox;
use crate::api::resource::resource;
use crate::components::layout::PageHeading;

/// `/admin/postausgang`: every e-mail the platform sent or keeps (without SMTP).
#[component]
pub fn OutboxPage() -> impl IntoView {
    let messages = resource(|| (), |()| list_outbox());
    view! {
        <PageHeading title="Postausgang" lead="Die neuesten 100 E-Mails. Ohne konfigurierten SMTP-Server werden Nachrichten nur hier abgelegt („gespeichert“)." />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || messages.get().map(|result| match result {
                Ok(list) if list.is_empty() => view! { <p class="mt-6">"Noch keine E-Mails."</p> }.into_any(),
                Ok(list) => view! {
                    <ol class="mt-6 flex flex-col gap-4" data-testid="postausgang">
                        {list.into_iter().map(|mail| view! {
                            <li class="rounded-lg border border-slate-300 p-4" data-to=mail.to.clone()>
                                <h2 class="font-bold">{mail.subject.clone()}</h2>
                                <p class="text-sm text-slate-700">"An " {mail.to.clone()} " · " {mail.created_at.clone()} " · Status: " {mail.status.clone()}</p>
                                <pre class="mt-2 whitespace-pre-wrap break-words text-sm">{mail.body.clone()}</pre>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any(),
                Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}
