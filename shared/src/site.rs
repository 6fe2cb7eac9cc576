//! Installation-wide facts: operator details for the imprint, demo status.

use serde::{Deserialize, Serialize};

/// The operator of this installation, as configured by its administrators.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OperatorInfo {
    pub name: String,
    /// Postal address; lines separated by `|` or newlines in the configuration.
    pub address: String,
    pub email: String,
    /// Person responsible for the content (§ 18 Abs. 2 MStV).
    pub responsible_person: String,
}

impl OperatorInfo {
    /// Whether the imprint's mandatory details are present.
    pub fn is_configured(&self) -> bool {
        !self.name.trim().is_empty()
            && !self.address.trim().is_empty()
            && !self.email.trim().is_empty()
    }

    /// The address split into display lines.
    pub fn address_lines(&self) -> impl Iterator<Item = &str> {
        self.address
            .split(['|', '\n'])
            .map(str::trim)
            .filter(|line| !line.is_empty())
    }
}

/// Installation-wide facts shown on the imprint. (The layout's demo notice reads only its
/// flag, `demo_data_seeded` in the app's site API.)
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SiteStatus {
    pub operator: OperatorInfo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_needs_name_address_and_email() {
        let mut operator = OperatorInfo::default();
        assert!(!operator.is_configured());
        operator.name = "Stadt Musterstadt".into();
        operator.address = "Rathausplatz 1 | 12345 Musterstadt".into();
        assert!(!operator.is_configured());
        operator.email = "beteiligung@example.org".into();
        assert!(operator.is_configured());
        assert_eq!(
            operator.address_lines().collect::<Vec<_>>(),
            ["Rathausplatz 1", "12345 Musterstadt"]
        );
    }
}
