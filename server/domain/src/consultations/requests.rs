//! A municipality asks for an initial consultation: complete-or-nothing validation, the body
//! resolved like a forum application's, rate-limited like every public mail form, and a
//! confirmation that carries nothing the requester typed.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use shared::FieldError;
use shared::consultations::{ConsultationForm, ConsultationStatus};

use super::topic_codes;
use crate::kommunen::bodies;
use crate::platform::database::begin_write;
use crate::platform::entities::consultation_request;
use crate::platform::mail::outbox::{self, Mail};
use crate::platform::mail::public_forms::{self, MailAdmission};
use crate::{DomainError, RuntimeSettings};

const SIGNATURE: &str = "\n\nViele Grüße\nIhre Koordination des Beteiligungsnetzes\n\n--\nDiese Nachricht wurde automatisch erstellt.";

/// Takes a request; the answer is the same whatever the address.
pub async fn submit(
    db: &DatabaseConnection,
    settings: &RuntimeSettings,
    client: Option<std::net::IpAddr>,
    form: &ConsultationForm,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let checked = form.check().map_err(DomainError::Validation)?;
    let body = match bodies::resolve(db, checked.body_kind, &checked.body, &checked.body_district)
        .await?
    {
        Ok(body) => body,
        Err((field, message)) => {
            let mut errors = form.kept_values();
            errors.add(field, FieldError::new(message));
            return Err(DomainError::Validation(errors));
        }
    };
    if public_forms::admit(db, settings, "consultation", client, &checked.email, now).await?
        == MailAdmission::Quiet
    {
        return Ok(());
    }
    let txn = begin_write(db).await?;
    consultation_request::ActiveModel {
        name: Set(checked.name),
        email: Set(checked.email.clone()),
        phone: Set(checked.phone),
        position: Set(checked.position),
        body_kind: Set(checked.body_kind.code().to_owned()),
        kommune_ags: Set(body.kommune_ags),
        kreis_ags: Set(body.kreis_ags),
        body_name: Set(body.name),
        land: Set(body.land.code().to_owned()),
        body_population: Set(body.population),
        topics: Set(topic_codes(&checked.topics)),
        situation: Set(checked.situation),
        preferred_dates: Set(checked.preferred_dates),
        format: Set(checked.format.code().to_owned()),
        status: Set(ConsultationStatus::New.code().to_owned()),
        facilitator_id: Set(None),
        consent_version: Set(shared::join::PRIVACY_NOTICE_VERSION.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    outbox::enqueue(
        &txn,
        settings,
        Mail {
            to: checked.email,
            subject: "Ihre Anfrage für eine Erstberatung".to_owned(),
            body: format!(
                "Guten Tag,\n\nvielen Dank für Ihre Anfrage für eine kostenfreie Erstberatung. Die Koordination sucht eine passende Prozessbegleiterin oder einen passenden Prozessbegleiter und meldet sich per E-Mail, sobald die Beratung vermittelt ist.\n\nWenn Sie keine Anfrage gestellt haben, ignorieren Sie diese Nachricht; die Angaben werden dann gelöscht.{SIGNATURE}"
            ),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
