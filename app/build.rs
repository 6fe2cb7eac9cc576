//! The WebAssembly's shadow stack: 8 MiB instead of the linker's 1 MiB. Hydrating with lazily
//! loaded routes (`hydrate_lazy`) nests the futures of the whole view tree, which overflowed
//! 1 MiB ("memory access out of bounds" in the reactive graph) on every page.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=8388608");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
