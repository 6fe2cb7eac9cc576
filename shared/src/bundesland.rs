//! The sixteen German federal states (Bundesländer).

use serde::{Deserialize, Serialize};

/// A German federal state, identified by its ISO 3166-2:DE code without the `DE-` prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Bundesland {
    BW,
    BY,
    BE,
    BB,
    HB,
    HH,
    HE,
    MV,
    NI,
    NW,
    RP,
    SL,
    SN,
    ST,
    SH,
    TH,
}

impl Bundesland {
    /// All states in the order of their official key (AGS prefix 01–16).
    pub const ALL: [Bundesland; 16] = [
        Bundesland::SH,
        Bundesland::HH,
        Bundesland::NI,
        Bundesland::HB,
        Bundesland::NW,
        Bundesland::HE,
        Bundesland::RP,
        Bundesland::BW,
        Bundesland::BY,
        Bundesland::SL,
        Bundesland::BE,
        Bundesland::BB,
        Bundesland::MV,
        Bundesland::SN,
        Bundesland::ST,
        Bundesland::TH,
    ];

    /// The two-letter code, e.g. `"NW"`.
    pub fn code(self) -> &'static str {
        match self {
            Bundesland::BW => "BW",
            Bundesland::BY => "BY",
            Bundesland::BE => "BE",
            Bundesland::BB => "BB",
            Bundesland::HB => "HB",
            Bundesland::HH => "HH",
            Bundesland::HE => "HE",
            Bundesland::MV => "MV",
            Bundesland::NI => "NI",
            Bundesland::NW => "NW",
            Bundesland::RP => "RP",
            Bundesland::SL => "SL",
            Bundesland::SN => "SN",
            Bundesland::ST => "ST",
            Bundesland::SH => "SH",
            Bundesland::TH => "TH",
        }
    }

    /// The German name shown to users, e.g. `"Nordrhein-Westfalen"`.
    pub fn name(self) -> &'static str {
        match self {
            Bundesland::BW => "Baden-Württemberg",
            Bundesland::BY => "Bayern",
            Bundesland::BE => "Berlin",
            Bundesland::BB => "Brandenburg",
            Bundesland::HB => "Bremen",
            Bundesland::HH => "Hamburg",
            Bundesland::HE => "Hessen",
            Bundesland::MV => "Mecklenburg-Vorpommern",
            Bundesland::NI => "Niedersachsen",
            Bundesland::NW => "Nordrhein-Westfalen",
            Bundesland::RP => "Rheinland-Pfalz",
            Bundesland::SL => "Saarland",
            Bundesland::SN => "Sachsen",
            Bundesland::ST => "Sachsen-Anhalt",
            Bundesland::SH => "Schleswig-Holstein",
            Bundesland::TH => "Thüringen",
        }
    }

    /// Parses a code such as `"NW"` or `"DE-NW"` (case-insensitive).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        let code = code
            .strip_prefix("DE-")
            .or_else(|| code.strip_prefix("de-"))
            .unwrap_or(code);
        Self::ALL
            .into_iter()
            .find(|land| land.code().eq_ignore_ascii_case(code))
    }

    /// The state a municipality belongs to, from the first two digits of its official key.
    pub fn from_ags_prefix(ags: &str) -> Option<Self> {
        let prefix: u8 = ags.get(0..2)?.parse().ok()?;
        Self::ALL.get(usize::from(prefix).checked_sub(1)?).copied()
    }

    /// The first two digits of the official keys of this state's municipalities („14“).
    pub fn ags_prefix(self) -> String {
        let index = Self::ALL.iter().position(|l| *l == self).unwrap_or(0);
        format!("{:02}", index + 1)
    }
}

impl std::fmt::Display for Bundesland {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_prefix_round_trips() {
        for land in Bundesland::ALL {
            assert_eq!(Bundesland::from_ags_prefix(&land.ags_prefix()), Some(land));
        }
        assert_eq!(Bundesland::SN.ags_prefix(), "14");
    }

    #[test]
    fn codes_round_trip_for_every_state() {
        for land in Bundesland::ALL {
            assert_eq!(Bundesland::from_code(land.code()), Some(land));
            assert_eq!(
                Bundesland::from_code(&format!("DE-{}", land.code())),
                Some(land)
            );
        }
        assert_eq!(Bundesland::from_code("nw"), Some(Bundesland::NW));
        assert_eq!(Bundesland::from_code("XX"), None);
    }

    #[test]
    fn ags_prefix_maps_to_official_state_order() {
        assert_eq!(
            Bundesland::from_ags_prefix("01001000"),
            Some(Bundesland::SH)
        );
        assert_eq!(
            Bundesland::from_ags_prefix("05315000"),
            Some(Bundesland::NW)
        );
        assert_eq!(
            Bundesland::from_ags_prefix("09162000"),
            Some(Bundesland::BY)
        );
        assert_eq!(
            Bundesland::from_ags_prefix("16055000"),
            Some(Bundesland::TH)
        );
        assert_eq!(Bundesland::from_ags_prefix("17000000"), None);
        assert_eq!(Bundesland::from_ags_prefix("00000000"), None);
        assert_eq!(Bundesland::from_ags_prefix("x"), None);
    }
}
