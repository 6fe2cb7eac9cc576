use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use shared::Role;

use crate::api::accounts::get_current_user;
use crate::api::coordination::{
    ChangeMemberRole, DeleteMember, MemberView, ResendInvitation, SetMemberActive, list_members,
};
use crate::api::resource::resource;
use crate::components::form::{FormAlert, action_error};
use crate::components::layout::PageHeading;
use crate::pages::coordination::CoordinationNav;

/// `/koordination/mitglieder`: search members, change roles (admins), deactivate, re-invite.
#[component]
pub fn MembersPage() -> impl IntoView {
    let search = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    let role = ServerAction::<ChangeMemberRole>::new();
    let status = ServerAction::<SetMemberActive>::new();
    let invitation = ServerAction::<ResendInvitation>::new();
    let delete = ServerAction::<DeleteMember>::new();
    let errors = [
        action_error(role.value()),
        action_error(status.value()),
        action_error(invitation.value()),
        action_error(delete.value()),
    ];
    let members = resource(
        {
            let search = search.clone();
            move || {
                (
                    search.clone(),
                    role.version().get(),
                    status.version().get(),
                    invitation.version().get(),
                    delete.version().get(),
                )
            }
        },
        |(search, _, _, _, _)| list_members(search),
    );
    let me = resource(|| (), |()| get_current_user());
    view! {
        <PageHeading title="Mitglieder" />
        <CoordinationNav />
        <form method="get" action="/koordination/mitglieder" role="search" class="mt-6 flex flex-wrap items-end gap-3">
            <div class="form-field">
                <label for="mitglieder-suche" class="font-semibold">"Name oder E-Mail-Adresse"</label>
                <input id="mitglieder-suche" name="q" type="search" value=search class="form-input" />
            </div>
            <button type="submit" class="button-secondary">"Suchen"</button>
        </form>
        {errors.into_iter().map(|error| view! { <FormAlert error=error /> }).collect_view()}
        <Suspense fallback=|| view! { <p class="mt-6">"Wird geladen …"</p> }>
            {move || {
                let viewer = me.get().and_then(Result::ok).flatten();
                members.get().map(|result| match result {
                    Ok(list) if list.is_empty() => view! { <p class="mt-6">"Keine Mitglieder gefunden."</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="mt-6 flex flex-col gap-3" data-testid="mitglieder">
                            {list.into_iter().map(|member| view! {
                                <MemberRow member=member viewer=viewer.clone() role=role status=status invitation=invitation delete=delete />
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p role="alert" class="mt-6 field-error">{error.to_string()}</p> }.into_any(),
                })
            }}
        </Suspense>
    }
}

#[component]
fn MemberRow(
    member: MemberView,
    /// The signed-in coordinator or admin; only actions the server allows them are offered.
    viewer: Option<shared::SessionUser>,
    role: ServerAction<ChangeMemberRole>,
    status: ServerAction<SetMemberActive>,
    invitation: ServerAction<ResendInvitation>,
    delete: ServerAction<DeleteMember>,
) -> impl IntoView {
    let id = member.id.to_string();
    let status_id = id.clone();
    let invitation_id = id.clone();
    let role_select_id = format!("rolle-{}", member.id);
    let state = if member.active {
        "aktiv"
    } else {
        "deaktiviert"
    };
    let name = member.name.clone();
    let is_self = viewer.as_ref().is_some_and(|v| v.account_id == member.id);
    let is_admin = viewer.as_ref().is_some_and(|v| v.is_admin()) && !is_self;
    let may_toggle = viewer
        .as_ref()
        .is_some_and(|v| shared::accounts::may_manage_member(v, member.id, member.role));
    let delete_id = id.clone();
    view! {
        <li class="rounded-lg border border-slate-300 p-4">
            <p class="font-bold">{member.name.clone()}</p>
            <p class="text-sm text-slate-700">
                {member.email.clone()} " · " {member.role.label()} " · " {state}
                {(!member.kommune.is_empty()).then(|| format!(" · {}", member.kommune))}
                {member.invitation_pending.then_some(" · Einladung offen")}
            </p>
            <div class="mt-3 flex flex-wrap items-end gap-4">
                {is_admin.then(|| {
                    let id = id.clone();
                    let select_id = role_select_id.clone();
                    view! {
                        <ActionForm action=role attr:class="flex items-end gap-2">
                            <input type="hidden" name="id" value=id />
                            <div class="form-field">
                                <label for=select_id.clone() class="text-sm font-semibold">"Rolle"</label>
                                <select id=select_id name="role" class="form-input">
                                    {Role::ALL.into_iter().map(|option| view! {
                                        <option value=option.code() selected=option == member.role>{option.label()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button-secondary">"Rolle speichern"</button>
                        </ActionForm>
                    }
                })}
                {may_toggle.then(|| view! {
                <ActionForm action=status>
                    <input type="hidden" name="id" value=status_id />
                    <input type="hidden" name="active" value=if member.active { "nein" } else { "ja" } />
                    <button type="submit" class="button-secondary">
                        {if member.active { format!("Deaktivieren: {name}") } else { format!("Reaktivieren: {name}") }}
                    </button>
                </ActionForm>
                })}
                {(may_toggle && !member.active).then(|| view! {
                    <ActionForm action=delete>
                        <input type="hidden" name="id" value=delete_id />
                        <button type="submit" class="button-danger">{format!("Endgültig löschen: {}", member.name)}</button>
                    </ActionForm>
                })}
                {member.invitation_pending.then(|| view! {
                    <ActionForm action=invitation>
                        <input type="hidden" name="id" value=invitation_id />
                        <button type="submit" class="button-secondary">"Einladung erneut senden"</button>
                    </ActionForm>
                })}
            </div>
        </li>
    }
}
