//! Signing in: limits per account and per client address.

use super::*;

#[tokio::test]
async fn failed_sign_ins_are_limited_per_account() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        member_with_password(db, "maria@stadt.test", "Richtiges-Passwort-42").await;
        let ip = Some("203.0.113.7".parse().expect("ip"));
        for attempt in 0..10 {
            let result = authentication::sign_in(
                db,
                &settings(),
                "maria@stadt.test",
                "falsch",
                ip,
                "t",
                now,
            )
            .await;
            assert!(
                matches!(result, Err(DomainError::Validation(_))),
                "attempt {attempt}"
            );
        }
        let blocked = authentication::sign_in(
            db,
            &settings(),
            "maria@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            now,
        )
        .await;
        assert!(
            matches!(blocked, Err(DomainError::RateLimited)),
            "{}: 11th attempt blocked",
            test_db.backend
        );
        let later = now + Duration::hours(1) + Duration::seconds(1);
        authentication::sign_in(
            db,
            &settings(),
            "maria@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            later,
        )
        .await
        .expect("after the window");
        test_db.finish().await;
    }
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_client_address() {
    for test_db in prepared().await {
        let db = &test_db.db;
        let now = Utc::now();
        member_with_password(db, "ida@stadt.test", "Richtiges-Passwort-42").await;
        let ip = Some("198.51.100.9".parse().expect("ip"));
        for attempt in 0..50 {
            let email = format!("versuch{attempt}@stadt.test");
            let result =
                authentication::sign_in(db, &settings(), &email, "falsch", ip, "t", now).await;
            assert!(
                matches!(result, Err(DomainError::Validation(_))),
                "attempt {attempt}"
            );
        }
        let blocked = authentication::sign_in(
            db,
            &settings(),
            "ida@stadt.test",
            "Richtiges-Passwort-42",
            ip,
            "t",
            now,
        )
        .await;
        assert!(
            matches!(blocked, Err(DomainError::RateLimited)),
            "{}: the address is blocked",
            test_db.backend
        );
        let other_ip = Some("198.51.100.10".parse().expect("ip"));
        authentication::sign_in(
            db,
            &settings(),
            "ida@stadt.test",
            "Richtiges-Passwort-42",
            other_ip,
            "t",
            now,
        )
        .await
        .expect("another address is not affected");
        test_db.finish().await;
    }
}
