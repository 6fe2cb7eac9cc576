//! A small in-process cache of values read from the database, each kept under the data version
//! it was computed at (see `data_version`: counters the database raises on every change).
//!
//! A value is served only while the version is unchanged, so a change made through any
//! instance is seen by every instance on its next request; each instance keeps its own
//! entries. The version is read *before* a value is computed, so a value computed while a
//! change lands is stored under the old version and never served at the new one. At most
//! `capacity` entries are kept: entries of older versions go first, then the least recently
//! used.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

struct Entry<V> {
    version: i64,
    value: Arc<V>,
    last_used: u64,
}

struct Store<V> {
    entries: HashMap<String, Entry<V>>,
    /// Logical clock for least-recently-used eviction.
    clock: u64,
}

/// Values under string keys, each valid for one data version.
pub struct VersionedCache<V> {
    store: Arc<Mutex<Store<V>>>,
    capacity: usize,
}

impl<V> Clone for VersionedCache<V> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            capacity: self.capacity,
        }
    }
}

impl<V> std::fmt::Debug for VersionedCache<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VersionedCache")
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

impl<V> VersionedCache<V> {
    /// A cache of up to `capacity` entries; `0` keeps nothing.
    pub fn new(capacity: usize) -> Self {
        Self {
            store: Arc::new(Mutex::new(Store {
                entries: HashMap::new(),
                clock: 0,
            })),
            capacity,
        }
    }

    /// Whether the cache keeps anything at all.
    pub fn enabled(&self) -> bool {
        self.capacity > 0
    }

    /// The value stored under `key` at `version`, marked as used.
    pub fn get(&self, key: &str, version: i64) -> Option<Arc<V>> {
        let mut store = self.store.lock().ok()?;
        store.clock += 1;
        let clock = store.clock;
        let entry = store
            .entries
            .get_mut(key)
            .filter(|e| e.version == version)?;
        entry.last_used = clock;
        Some(entry.value.clone())
    }

    /// Stores `value` under `key` at `version`, making room first when the cache is full.
    pub fn insert(&self, key: String, version: i64, value: Arc<V>) {
        if !self.enabled() {
            return;
        }
        let Ok(mut store) = self.store.lock() else {
            return;
        };
        if store.entries.len() >= self.capacity && !store.entries.contains_key(&key) {
            store.entries.retain(|_, e| e.version >= version);
            if store.entries.len() >= self.capacity {
                // Drop the least recently used eighth at once, so a full cache does not scan
                // all its entries on every insert.
                let mut used: Vec<u64> = store.entries.values().map(|e| e.last_used).collect();
                // Clock values are unique: dropping those up to the `drop`-th smallest
                // drops exactly `drop` entries.
                let drop = (self.capacity / 8).clamp(1, used.len());
                let (_, threshold, _) = used.select_nth_unstable(drop - 1);
                let threshold = *threshold;
                store.entries.retain(|_, e| e.last_used > threshold);
            }
        }
        store.clock += 1;
        let last_used = store.clock;
        store.entries.insert(
            key,
            Entry {
                version,
                value,
                last_used,
            },
        );
    }

    /// How many entries are stored.
    pub fn len(&self) -> usize {
        self.store.lock().map_or(0, |s| s.entries.len())
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_served_only_at_their_version() {
        let cache = VersionedCache::new(4);
        cache.insert("a".into(), 1, Arc::new("eins"));
        assert_eq!(cache.get("a", 1).as_deref(), Some(&"eins"));
        assert_eq!(cache.get("a", 2), None, "a newer version misses");
        assert_eq!(cache.get("b", 1), None);
    }

    #[test]
    fn a_full_cache_drops_old_versions_then_the_least_recently_used() {
        let cache = VersionedCache::new(3);
        cache.insert("old".into(), 1, Arc::new(0));
        cache.insert("a".into(), 2, Arc::new(1));
        cache.insert("b".into(), 2, Arc::new(2));
        cache.insert("c".into(), 2, Arc::new(3));
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.get("old", 1), None, "the old version went first");
        // "a" is used, so "b" is now the least recently used.
        assert!(cache.get("a", 2).is_some());
        assert!(cache.get("c", 2).is_some());
        cache.insert("d".into(), 2, Arc::new(4));
        assert_eq!(cache.len(), 3);
        assert!(cache.get("b", 2).is_none(), "least recently used dropped");
        assert!(cache.get("a", 2).is_some() && cache.get("d", 2).is_some());
    }

    #[test]
    fn capacity_zero_keeps_nothing() {
        let cache = VersionedCache::new(0);
        cache.insert("a".into(), 1, Arc::new(1));
        assert!(!cache.enabled());
        assert!(cache.is_empty());
    }
}
