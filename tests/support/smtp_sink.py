#!/usr/bin/python3
"""smtp_sink.py - a real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd).

Listens on 127.0.0.1:PORT (--port 0 picks a free one) without TLS and prints "listening PORT"
on standard output once it answers. Each accepted message is written to DIR as NNNN.eml (the
bytes as received) and NNNN.json, written after it and atomically:
  {"mail_from", "rcpt_tos", "subject" (decoded), "message_id", "date",
   "text" (the decoded text/plain part), "html" (the decoded text/html part, or null)}
with LF line ends in text and html.
NNNN counts from 0001 in arrival order.

  --reject RCPT          answer 550 at RCPT TO for this recipient (repeatable)
  --fail-data-once RCPT  answer 451 to DATA the first time this recipient is in the envelope,
                         before any of the message is sent; accept it later (repeatable)

Used by tests/api/smtp.mjs and tests/unit/test_outbox.c. Runs until SIGTERM or SIGINT.
"""
import argparse
import email
import email.policy
import json
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, syntax


class Sink:
    """The handler: refuses the recipients it was told to, stores what it accepts."""

    def __init__(self, directory, reject, fail_once):
        self.dir = directory
        self.reject = {r.lower() for r in reject}
        self.fail_once = {r.lower() for r in fail_once}
        self.failed = set()
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return '550 5.1.1 <%s>: mailbox unavailable' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'

    def fail_data(self, envelope):
        """True (once per recipient) when DATA should be answered 451 for this envelope."""
        with self.lock:
            for r in envelope.rcpt_tos:
                key = r.lower()
                if key in self.fail_once and key not in self.failed:
                    self.failed.add(key)
                    return True
        return False

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode('utf-8')
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.dir, '%04d' % n)
        with open(base + '.eml', 'wb') as f:
            f.write(raw)
        record = describe(envelope, raw)
        tmp = base + '.json.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(tmp, base + '.json')
        return '250 Message accepted for delivery'


def part_text(msg, subtype):
    """The decoded body of the first text/<subtype> part that is not an attachment."""
    for part in msg.walk():
        if part.get_content_maintype() == 'multipart':
            continue
        if part.get_content_type() == 'text/' + subtype and not part.is_attachment():
            return part.get_content().replace('\r\n', '\n')
    return None


def describe(envelope, raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return {
        'mail_from': envelope.mail_from,
        'rcpt_tos': list(envelope.rcpt_tos),
        'subject': str(msg['subject']) if msg['subject'] is not None else None,
        'message_id': str(msg['message-id']) if msg['message-id'] is not None else None,
        'date': str(msg['date']) if msg['date'] is not None else None,
        'text': part_text(msg, 'plain'),
        'html': part_text(msg, 'html'),
    }


class SinkSMTP(SMTP):
    """aiosmtpd's SMTP with a DATA command that can refuse before the message is sent."""

    @syntax('DATA')
    async def smtp_DATA(self, arg):
        if self.envelope.rcpt_tos and not arg and self.event_handler.fail_data(self.envelope):
            self._set_post_data_state()   # a new MAIL FROM may follow
            await self.push('451 4.3.0 Try again later')
            return
        await super().smtp_DATA(arg)


class SinkController(Controller):
    """A Controller on a socket bound before start, so that port 0 works."""

    def __init__(self, handler, sock, **kwargs):
        self.sock = sock
        super().__init__(handler, hostname='127.0.0.1', port=sock.getsockname()[1], **kwargs)

    def factory(self):
        return SinkSMTP(self.handler, **self.SMTP_kwargs)

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self.sock,
                                       ssl=self.ssl_context)


def main():
    ap = argparse.ArgumentParser(description='SMTP sink for the tests')
    ap.add_argument('--dir', required=True)
    ap.add_argument('--port', type=int, default=0)
    ap.add_argument('--reject', action='append', default=[])
    ap.add_argument('--fail-data-once', action='append', default=[])
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', a.port))
    sock.listen(64)
    ctl = SinkController(Sink(a.dir, a.reject, a.fail_data_once), sock,
                         data_size_limit=64 * 1024 * 1024)
    ctl.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print('listening %d' % sock.getsockname()[1], flush=True)
    while not stop.wait(3600):
        pass
    ctl.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
