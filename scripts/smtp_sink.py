"""A local SMTP server for the tests: stores every message it receives as a file.

Usage: python smtp_sink.py HOST PORT DIRECTORY
Each message is written to DIRECTORY/<n>.eml with the envelope recipients in an
X-Envelope-To header, so tests can assert exactly what arrived.
"""

import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class StoreHandler:
    def __init__(self, directory: Path):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        recipients = ", ".join(envelope.rcpt_tos)
        data = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        path = self.directory / f"{self.count:05d}.eml"
        path.write_bytes(f"X-Envelope-To: {recipients}\r\n".encode() + data)
        return "250 Message accepted for delivery"


def main() -> None:
    host, port, directory = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    directory.mkdir(parents=True, exist_ok=True)
    controller = Controller(StoreHandler(directory), hostname=host, port=port)
    controller.start()
    print(f"smtp sink listening on {host}:{port}, writing to {directory}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
