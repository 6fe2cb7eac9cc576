use leptos::prelude::*;
use leptos_router::components::A;

use super::Refusal;
use crate::api::accounts::get_current_user;
use crate::api::forums::{CreateForum, list_organised_forums};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, action_error};
use crate::components::forums::ForumFields;
use crate::components::layout::PageHeading;

/// `/foren-verwaltung`: the forums the member organises; the coordination group creates new ones.
#[component]
pub fn OrganiseForumsPage() -> impl IntoView {
    let create = ServerAction::<CreateForum>::new();
    let error = action_error(create.value());
    let forums = resource(|| (), |()| list_organised_forums());
    let me = resource(|| (), |()| get_current_user());
    view! {
        <PageHeading title="Foren verwalten" lead="Foren, Staffeln und Arbeitstreffen anlegen und bearbeiten." />
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || forums.get().map(|result| match result {
                Ok(list) => view! {
                    <h2 class="mt-8 text-2xl font-bold">"Ihre Foren"</h2>
                    {if list.is_empty() {
                        view! { <p class="mt-3" data-testid="keine-foren">"Sie organisieren noch kein Forum."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="mt-3 flex flex-col gap-2" data-testid="verwaltete-foren">
                                {list.into_iter().map(|forum| view! {
                                    <li>
                                        <A href=format!("/foren-verwaltung/{}", forum.slug)>{forum.title.clone()}</A>
                                        {(!forum.published).then_some(" (Entwurf)")}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
            {move || me.get().and_then(Result::ok).flatten().filter(shared::forums::may_create_forum).map(|_| view! {
                <section class="account-section" aria-labelledby="neues-forum">
                    <h2 id="neues-forum">"Neues Forum anlegen"</h2>
                    <ActionForm action=create attr:class="mt-4 flex max-w-2xl flex-col gap-5" attr:novalidate=true>
                        <FormAlert error=error />
                        <ForumFields error=error />
                        <div><button type="submit" class="button-primary">"Forum anlegen"</button></div>
                    </ActionForm>
                </section>
            })}
        </Suspense>
    }
}
