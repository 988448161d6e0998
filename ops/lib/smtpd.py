"""Three real SMTP servers for the mail tests (aiosmtpd, from PyPI), on loopback:

- starttls: offers STARTTLS and requires it before AUTH or mail; AUTH LOGIN as alerts/secret;
- implicit: TLS from the first byte (SMTPS); the same AUTH;
- plain:    offers no STARTTLS at all.

Each accepted message is written to OUT/messages/<n>.eml. The certificate is for localhost and
127.0.0.1, signed by a throwaway authority (made by ops/lib/smtpd.sh) that only the tests trust.
Writes OUT/servers.json (ports, the authority's file, the messages folder) once all three listen,
then serves until killed.
"""
import asyncio
import json
import pathlib
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

OUT = pathlib.Path(sys.argv[1])
MESSAGES = OUT / "messages"


class Keep:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        text = f"X-Envelope-From: {envelope.mail_from}\nX-Envelope-To: {','.join(envelope.rcpt_tos)}\n"
        (MESSAGES / f"{self.count:04d}.eml").write_bytes(text.encode() + envelope.original_content)
        return "250 Message accepted"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"alerts" and auth_data.password == b"secret"
    return AuthResult(success=ok)


def free_port():
    # aiosmtpd connects to its own port to check it listens, so port 0 will not do.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    MESSAGES.mkdir(parents=True, exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(OUT / "server.pem", OUT / "server.key")
    handler = Keep()
    common = dict(hostname="127.0.0.1", authenticator=authenticator)
    ports = {name: free_port() for name in ("starttls", "implicit", "plain")}
    servers = {
        "starttls": Controller(handler, port=ports["starttls"], tls_context=context, require_starttls=True,
                               auth_require_tls=True, **common),
        # TLS from the first byte; aiosmtpd's own TLS check knows only STARTTLS, so it is off here.
        "implicit": Controller(handler, port=ports["implicit"], ssl_context=context, auth_require_tls=False,
                               server_hostname="localhost", **common),
        "plain": Controller(handler, port=ports["plain"], auth_require_tls=False, **common),
    }
    for controller in servers.values():
        controller.start()
    info = {"ports": ports, "ca": str(OUT / "ca.pem"), "messages": str(MESSAGES)}
    (OUT / "servers.json.tmp").write_text(json.dumps(info))
    (OUT / "servers.json.tmp").rename(OUT / "servers.json")
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        for controller in servers.values():
            controller.stop()


if __name__ == "__main__":
    main()
