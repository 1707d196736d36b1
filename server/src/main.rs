//! The `onechat` binary.

fn main() -> std::process::ExitCode {
    onechat_server::cli::main()
}
