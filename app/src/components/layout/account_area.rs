//! The header's account links — the only part of a page that differs between two members of
//! the same role — written as plain HTML by one function for both sides.
//!
//! The server renders only [`ACCOUNT_AREA_PLACEHOLDER`] into the page; the server's middleware
//! replaces it with [`account_area_html`] for the person asking. So the rest of a page can be
//! rendered once and served to every member of the same audience (the server's page cache),
//! and nothing about one person (name, unread count) is ever part of such a shared page or of
//! its hydration data. In the browser the links are left as the server wrote them while the
//! page hydrates, and written anew by the same function after each client-side navigation.

use leptos::server_fn::ServerFn;
use shared::SessionUser;

use crate::api::accounts::SignOut;

/// What the server renders in place of the account links, to be replaced per request.
pub const ACCOUNT_AREA_PLACEHOLDER: &str = "<!--bn-account-area-->";

/// The account links of the header for `user` (none: a visitor) with `unread` notifications,
/// on the page at `path` (the current page's link is marked with `aria-current`). Contains no
/// script and no text of the user's own: only fixed labels and a number.
pub fn account_area_html(user: Option<&SessionUser>, unread: u64, path: &str) -> String {
    let link = |href: &str, class: &str, label: &str| {
        let current = if href == path {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<li><a href=\"{href}\" class=\"{class}\"{current}>{label}</a></li>")
    };
    let Some(user) = user else {
        return [
            link("/mitglied-werden", "nav-link", "Mitglied werden"),
            link("/anmelden", "nav-link nav-link-primary", "Anmelden"),
        ]
        .concat();
    };
    let mut html = String::with_capacity(768);
    if user.is_coordinator() {
        html.push_str(&link("/koordination/antraege", "nav-link", "Koordination"));
    }
    let badge = if unread > 0 {
        format!(
            " <span class=\"rounded-full bg-blue-900 px-2 text-sm font-semibold text-white\" \
             data-testid=\"ungelesen\">{unread}<span class=\"sr-only\"> neue</span></span>"
        )
    } else {
        String::new()
    };
    html.push_str(&link(
        "/benachrichtigungen",
        "nav-link",
        &format!("Benachrichtigungen{badge}"),
    ));
    html.push_str(&link("/konto", "nav-link", "Mein Konto"));
    // A plain form: it works without JavaScript, and with it the server's redirect reloads
    // the whole page, which leaves nothing of the member in the browser's state.
    html.push_str(&format!(
        "<li><form method=\"post\" action=\"{}\"><button type=\"submit\" \
         class=\"nav-link nav-link-primary cursor-pointer\">Abmelden</button></form></li>",
        SignOut::PATH
    ));
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::Role;

    fn user(role: Role) -> SessionUser {
        SessionUser {
            account_id: 7,
            display_name: "<script>alert(1)</script>".to_owned(),
            role,
        }
    }

    #[test]
    fn visitors_get_join_and_sign_in() {
        let html = account_area_html(None, 3, "/anmelden");
        assert!(html.contains("href=\"/mitglied-werden\""));
        assert!(html.contains(
            "href=\"/anmelden\" class=\"nav-link nav-link-primary\" aria-current=\"page\""
        ));
        assert!(!html.contains("Abmelden") && !html.contains("ungelesen"));
    }

    #[test]
    fn members_get_their_links_and_count_but_never_their_name() {
        let html = account_area_html(Some(&user(Role::Member)), 4, "/karte");
        assert!(html.contains(">4<span class=\"sr-only\"> neue</span>"));
        assert!(html.contains("action=\"/api/account/sign-out\""));
        assert!(!html.contains("Koordination"));
        assert!(!html.contains("script") && !html.contains("aria-current"));
        let none = account_area_html(Some(&user(Role::Member)), 0, "/konto");
        assert!(!none.contains("ungelesen"));
        assert!(none.contains("href=\"/konto\" class=\"nav-link\" aria-current=\"page\""));
    }

    #[test]
    fn coordinators_get_the_coordination_link() {
        let html = account_area_html(Some(&user(Role::Coordinator)), 0, "/");
        assert!(html.contains("href=\"/koordination/antraege\""));
    }
}
