use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::Topic;
use shared::board::{MailMode, NotificationPage};

use crate::api::board::{
    MarkNotificationsRead, SaveNotificationSettings, UnsubscribeNotifications, get_notifications,
};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, RadioGroup, action_error, field_message};
use crate::components::forums::CheckboxGroup;
use crate::components::layout::{PageHeading, Refusal};

/// `/benachrichtigungen`: replies to my posts, mentions and new posts in followed topics;
/// how (and whether) I am told by e-mail.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let read = ServerAction::<MarkNotificationsRead>::new();
    let save = ServerAction::<SaveNotificationSettings>::new();
    let page = resource(
        move || (read.version().get(), save.version().get()),
        |_| get_notifications(),
    );
    view! {
        <PageHeading title="Benachrichtigungen" lead="Antworten auf Ihre Beiträge, Erwähnungen und neue Beiträge in Themen, denen Sie folgen." />
        <Transition fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Notifications page=page read=read save=save /> }.into_any(),
                Err(error) => view! { <Refusal error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Notifications(
    page: NotificationPage,
    read: ServerAction<MarkNotificationsRead>,
    save: ServerAction<SaveNotificationSettings>,
) -> impl IntoView {
    let NotificationPage { items, settings } = page;
    let unread = items.iter().filter(|i| i.unread).count();
    let error = action_error(save.value());
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(()))));
    let modes: Vec<(&'static str, &'static str)> = MailMode::ALL
        .iter()
        .map(|m| (m.code(), m.label()))
        .collect();
    let followed: Vec<String> = settings
        .topics
        .iter()
        .map(|t| t.code().to_owned())
        .collect();
    view! {
        <section class="mt-6" aria-labelledby="liste">
            <h2 id="liste" class="text-2xl font-bold">{match unread { 0 => "Nichts Neues".to_owned(), 1 => "1 neue Benachrichtigung".to_owned(), n => format!("{n} neue Benachrichtigungen") }}</h2>
            {(unread > 0).then(|| view! {
                <ActionForm action=read attr:class="mt-2">
                    <button type="submit" class="button-secondary">"Alle als gelesen markieren"</button>
                </ActionForm>
            })}
            {if items.is_empty() {
                view! { <p class="mt-3 text-slate-700">"Noch keine Benachrichtigungen."</p> }.into_any()
            } else {
                view! {
                    <ol class="mt-4 flex flex-col gap-2" data-testid="benachrichtigungen">
                        {items.into_iter().map(|item| view! {
                            <li class=if item.unread { "rounded border-l-4 border-blue-900 bg-blue-50 p-3" } else { "rounded border-l-4 border-slate-300 p-3" }>
                                {item.unread.then(|| view! { <span class="sr-only">"Neu: "</span> })}
                                <A href=item.href.clone()>{item.text.clone()}</A>
                                <span class="ml-2 text-sm text-slate-700">{item.at.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <section class="account-section" aria-labelledby="einstellungen">
            <h2 id="einstellungen">"Einstellungen"</h2>
            {move || saved.get().then(|| view! { <p role="status" class="notice-success mt-2">"Gespeichert."</p> })}
            <ActionForm action=save attr:class="mt-4 flex max-w-3xl flex-col gap-5" attr:novalidate=true>
                <FormAlert error=error />
                <RadioGroup name="mode" legend="E-Mails zu Benachrichtigungen" options=modes value=settings.mode.code().to_owned() error=field_message(error, "mode") />
                <CheckboxGroup
                    name="topics"
                    legend="Themen, denen Sie folgen"
                    hint="Bei neuen Beiträgen zu diesen Themen werden Sie benachrichtigt."
                    options=Topic::ALL.iter().map(|t| (t.code(), t.label())).collect()
                    checked=followed
                    error=field_message(error, "topics")
                />
                <div><button type="submit" class="button-primary">"Einstellungen speichern"</button></div>
            </ActionForm>
        </section>
        <p class="mt-6"><A href="/austausch">"Zum Austausch"</A></p>
    }
}

/// `/benachrichtigungen/abmelden?token=…`: the link in every notification e-mail (the RFC 8058
/// one-click POST of mail programs goes to `/benachrichtigungen/abmelden/ein-klick`).
#[component]
pub fn NotificationUnsubscribePage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let action = ServerAction::<UnsubscribeNotifications>::new();
    let error = action_error(action.value());
    view! {
        <PageHeading title="Keine E-Mails mehr zum Austausch" lead="Sie erhalten dann keine E-Mails mehr zu Antworten, Erwähnungen und Themen. Ihre Benachrichtigungen sehen Sie weiterhin nach der Anmeldung." />
        <ActionForm action=action attr:class="mt-6 flex max-w-2xl flex-col gap-4">
            <FormAlert error=error />
            <input type="hidden" name="token" value=token />
            <div><button type="submit" class="button-primary">"E-Mails abbestellen"</button></div>
        </ActionForm>
    }
}

/// `/benachrichtigungen/abgemeldet`.
#[component]
pub fn NotificationsUnsubscribedPage() -> impl IntoView {
    view! {
        <PageHeading title="Abbestellt" lead="Wir schicken Ihnen keine E-Mails mehr zum Austausch. Unter „Benachrichtigungen“ können Sie das jederzeit wieder ändern." />
        <p class="mt-6"><A href="/benachrichtigungen">"Zu den Benachrichtigungen"</A></p>
    }
}
