//! Accounts, roles and profile visibility.

use serde::{Deserialize, Serialize};

/// What an account may do. Each role includes the rights of the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// A participation officer of a municipality.
    Member,
    /// A member of the network's coordination group.
    Coordinator,
    /// Also manages coordinators and settings.
    Admin,
}

impl Role {
    /// All roles, least privileged first.
    pub const ALL: [Role; 3] = [Role::Member, Role::Coordinator, Role::Admin];

    /// Rule: the coordination group — coordinators and administrators.
    pub fn is_coordinator(self) -> bool {
        self >= Role::Coordinator
    }

    /// Rule: administrators.
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }

    /// Stored form.
    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    /// Parses the stored form.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    /// German label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Member => "Mitglied",
            Role::Coordinator => "Koordination",
            Role::Admin => "Administration",
        }
    }
}

/// Who may see a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Visibility {
    /// Everyone, also on the public map and in the open data.
    Public,
    /// Signed-in members only.
    Members,
    /// Nobody but coordinators.
    Hidden,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Public, Visibility::Members, Visibility::Hidden];

    pub fn code(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
            Visibility::Hidden => "hidden",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Public => "Öffentlich – für alle sichtbar, auch auf der Karte",
            Visibility::Members => "Nur für angemeldete Mitglieder",
            Visibility::Hidden => "Verborgen – nur die Koordination sieht das Profil",
        }
    }
}

/// The signed-in person as the pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub account_id: i64,
    pub display_name: String,
    pub role: Role,
}

impl SessionUser {
    /// Whether the person belongs to the coordination group (or administers the platform).
    pub fn is_coordinator(&self) -> bool {
        self.role.is_coordinator()
    }

    /// Whether the person administers the platform.
    pub fn is_admin(&self) -> bool {
        self.role.is_admin()
    }
}

/// Rule: may `actor` deactivate, reactivate or delete the account `target_id` of role
/// `target_role`? Coordinators manage members; coordinators and admins are managed by admins
/// only; nobody manages their own account this way. The members page offers the actions by
/// this rule and the server enforces it.
pub fn may_manage_member(actor: &SessionUser, target_id: i64, target_role: Role) -> bool {
    actor.account_id != target_id
        && actor.is_coordinator()
        && (target_role < Role::Coordinator || actor.is_admin())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_privilege_and_round_trip() {
        assert!(Role::Admin > Role::Coordinator && Role::Coordinator > Role::Member);
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for visibility in Visibility::ALL {
            assert_eq!(Visibility::from_code(visibility.code()), Some(visibility));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn coordinators_manage_members_and_admins_manage_everyone_but_themselves() {
        let person = |id, role| SessionUser {
            account_id: id,
            display_name: String::new(),
            role,
        };
        let coordinator = person(1, Role::Coordinator);
        let admin = person(2, Role::Admin);
        let member = person(3, Role::Member);
        assert!(may_manage_member(&coordinator, 3, Role::Member));
        assert!(!may_manage_member(&coordinator, 4, Role::Coordinator));
        assert!(!may_manage_member(&coordinator, 2, Role::Admin));
        assert!(may_manage_member(&admin, 1, Role::Coordinator));
        assert!(!may_manage_member(&admin, 2, Role::Admin));
        assert!(!may_manage_member(&member, 5, Role::Member));
    }
}
