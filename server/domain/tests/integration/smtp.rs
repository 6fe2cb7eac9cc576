//! The SMTP path against a real SMTP server on localhost (started by `scripts/test`, which sets
//! `SMTP_TEST_URL` and `SMTP_TEST_DIR`), and the retry path against a closed port.

use crate::support;

use domain::RuntimeSettings;
use domain::platform::entities::outbox_mail;
use domain::platform::mail::outbox::{self, Mail};
use domain::platform::mail::worker::{SmtpSender, send_due};
use sea_orm::EntityTrait;

fn smtp_settings() -> RuntimeSettings {
    RuntimeSettings {
        smtp_configured: true,
        ..Default::default()
    }
}

fn mail(to: &str) -> Mail {
    Mail {
        to: to.into(),
        subject: "Willkommen im Beteiligungsnetz".into(),
        body: "Guten Tag,\n\nbitte legen Sie Ihr Passwort fest: https://beteiligung.test/passwort-setzen?token=abc123\n".into(),
    }
}

#[tokio::test]
async fn queued_mail_arrives_at_the_smtp_server() {
    let (Ok(url), Ok(dir)) = (
        std::env::var("SMTP_TEST_URL"),
        std::env::var("SMTP_TEST_DIR"),
    ) else {
        eprintln!(
            "note: SMTP_TEST_URL/SMTP_TEST_DIR not set (scripts/test sets them), SMTP delivery test not run"
        );
        return;
    };
    let test_db = support::sqlite().await;
    let db = &test_db.db;
    let recipient = format!("smtp-{}@stadt.test", std::process::id());
    outbox::enqueue(db, &smtp_settings(), mail(&recipient))
        .await
        .expect("enqueue");
    let sender =
        SmtpSender::new(&url, "Beteiligungsnetz <noreply@beteiligung.test>").expect("sender");
    assert_eq!(send_due(db, &sender).await.expect("send"), 1);
    assert_eq!(
        send_due(db, &sender).await.expect("send again"),
        0,
        "sent exactly once"
    );

    let stored = outbox_mail::Entity::find().all(db).await.expect("q");
    assert_eq!(stored[0].status, "sent");
    assert!(stored[0].sent_at.is_some());
    // Delivered: no live token stays at rest in the outbox.
    assert!(
        !stored[0].body_text.contains("abc123"),
        "{}",
        stored[0].body_text
    );
    assert!(stored[0].body_text.contains(outbox::REDACTED_LINK));

    let arrived: Vec<String> = std::fs::read_dir(&dir)
        .expect("sink directory")
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .filter(|text| text.contains(&format!("X-Envelope-To: {recipient}")))
        .collect();
    assert_eq!(arrived.len(), 1, "exactly one message for {recipient}");
    let message = &arrived[0];
    assert!(
        message.contains("From: Beteiligungsnetz <noreply@beteiligung.test>"),
        "{message}"
    );
    assert!(message.contains(&format!("To: {recipient}")), "{message}");
    assert!(
        message.contains("Subject: Willkommen im Beteiligungsnetz"),
        "{message}"
    );
    assert!(
        decode_quoted_printable(message).contains("passwort-setzen?token=abc123"),
        "{message}"
    );
    test_db.finish().await;
}

#[tokio::test]
async fn unreachable_smtp_server_keeps_the_mail_for_a_retry() {
    let test_db = support::sqlite().await;
    let db = &test_db.db;
    outbox::enqueue(db, &smtp_settings(), mail("retry@stadt.test"))
        .await
        .expect("enqueue");
    let sender = SmtpSender::new(
        "smtp://127.0.0.1:9",
        "Beteiligungsnetz <noreply@beteiligung.test>",
    )
    .expect("sender");
    assert_eq!(send_due(db, &sender).await.expect("attempt"), 0);
    let stored = outbox_mail::Entity::find().all(db).await.expect("q");
    assert_eq!(stored[0].status, "queued", "kept for a retry");
    assert_eq!(stored[0].attempts, 1);
    assert!(stored[0].last_error.is_some());
    assert!(stored[0].next_attempt_at > chrono::Utc::now(), "backs off");
    test_db.finish().await;
}

#[tokio::test]
async fn without_smtp_mail_is_stored_for_admins() {
    let test_db = support::sqlite().await;
    outbox::enqueue(
        &test_db.db,
        &RuntimeSettings::default(),
        mail("outbox@stadt.test"),
    )
    .await
    .expect("enqueue");
    let stored = outbox::latest(&test_db.db, 10).await.expect("q");
    assert_eq!(stored[0].status, "stored");
    assert_eq!(stored[0].to, "outbox@stadt.test");
    test_db.finish().await;
}

/// Decodes a quoted-printable body (soft line breaks and `=XX` escapes).
fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'='
            && index + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&joined[index + 1..index + 3], 16)
        {
            out.push(byte);
            index += 3;
            continue;
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
