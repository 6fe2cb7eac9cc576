//! Compression of bodies that are encoded once and served many times (the open-data GeoJSON,
//! cached pages).

use std::io::Write;

/// `data` gzip-compressed at `level` (0–9); empty if compression failed.
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .unwrap_or_default()
}

/// `data` Brotli-compressed at `quality` (0–11); empty if compression failed.
pub fn brotli(data: &[u8], quality: u32) -> Vec<u8> {
    let mut writer = brotli::CompressorWriter::new(Vec::new(), 4096, quality, 22);
    match writer.write_all(data) {
        Ok(()) => writer.into_inner(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    #[test]
    fn both_codings_round_trip() {
        let text = "Partizipation ".repeat(500);
        let gzipped = super::gzip(text.as_bytes(), 6);
        assert!(gzipped.len() < text.len() / 10);
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(gzipped.as_slice())
            .read_to_string(&mut unzipped)
            .expect("gzip decodes");
        assert_eq!(unzipped, text);
        let compressed = super::brotli(text.as_bytes(), 5);
        assert!(compressed.len() < text.len() / 10);
        let mut decompressed = String::new();
        brotli::Decompressor::new(compressed.as_slice(), 4096)
            .read_to_string(&mut decompressed)
            .expect("brotli decodes");
        assert_eq!(decompressed, text);
    }
}
