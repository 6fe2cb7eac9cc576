//! Visibility rules: what a viewer may see of a profile. Enforced in every query, so HTML,
//! server functions, GeoJSON and exports cannot disagree.

use shared::SessionUser;

/// Who is looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Not signed in (and the open-data endpoints): public profiles only.
    Public,
    /// A signed-in member: public and members-only profiles.
    Member,
    /// The coordination group: every profile, also hidden ones.
    Coordinator,
}

impl Viewer {
    /// The viewer behind an optional session.
    pub fn of(user: Option<&SessionUser>) -> Self {
        match user {
            None => Viewer::Public,
            Some(user) if user.is_coordinator() => Viewer::Coordinator,
            Some(_) => Viewer::Member,
        }
    }

    /// The stored visibility codes this viewer may see.
    pub fn visible_codes(self) -> &'static [&'static str] {
        match self {
            Viewer::Public => &["public"],
            Viewer::Member => &["public", "members"],
            Viewer::Coordinator => &["public", "members", "hidden"],
        }
    }

    /// Whether contact e-mail addresses may be shown (never to anonymous visitors).
    pub fn sees_email(self) -> bool {
        self != Viewer::Public
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::Role;

    #[test]
    fn each_role_sees_its_visibilities() {
        assert_eq!(Viewer::of(None).visible_codes(), ["public"]);
        let user = |role| SessionUser {
            account_id: 1,
            display_name: "x".into(),
            role,
        };
        assert_eq!(
            Viewer::of(Some(&user(Role::Member))).visible_codes(),
            ["public", "members"]
        );
        assert_eq!(
            Viewer::of(Some(&user(Role::Admin))).visible_codes(),
            ["public", "members", "hidden"]
        );
        assert!(!Viewer::Public.sees_email());
    }
}
